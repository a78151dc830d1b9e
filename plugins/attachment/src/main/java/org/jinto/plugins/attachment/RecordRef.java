package org.jinto.plugins.attachment;

/** The record an attachment belongs to, by ids. */
record RecordRef(String bucketId, String collectionId, String id) {

    String bucketUri() {
        return "/buckets/" + bucketId;
    }

    String collectionUri() {
        return bucketUri() + "/collections/" + collectionId;
    }

    String uri() {
        return collectionUri() + "/records/" + id;
    }
}
