package org.jinto.plugins.signer;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

import java.util.Objects;
import java.util.Set;

/**
 * Which status changes of a source collection a user may make, as kinto-signer's {@code check_collection_status}:
 * with review enabled, only an editor requests a review, and only a reviewer who did not request it approves it.
 * A refusal is Kinto's 400 (errno 109) or 403 (errno 121) error.
 */
final class ReviewRules {

    private final SignerConfig config;
    private final SignedResource resource;
    private final Set<String> principals;
    private final String userId;

    ReviewRules(SignerConfig config, SignedResource resource, Set<String> principals, String userId) {
        this.config = config;
        this.resource = resource;
        this.principals = principals;
        this.userId = userId;
    }

    void check(JsonObject old, JsonObject collection) {
        String oldStatus = text(old.get("status"));
        String newStatus = text(collection.get("status"));
        if (Objects.equals(oldStatus, newStatus)) {
            return;
        }
        if (newStatus == null) {
            throw invalid("Cannot remove status");
        }
        boolean toReview = config.toReviewEnabled(resource);
        boolean groupCheck = config.groupCheckEnabled(resource);
        Status status = Status.of(newStatus).orElseThrow(() -> invalid("Invalid status '" + newStatus + "'"));
        switch (status) {
            case TO_REVIEW -> {
                if (toReview && groupCheck) {
                    requireGroup(config.editorsGroup(resource));
                }
            }
            case TO_SIGN -> {
                if (Status.SIGNED.value().equals(oldStatus)) {
                    throw invalid("Collection already signed");
                }
                if (toReview) {
                    if (groupCheck) {
                        requireGroup(config.reviewersGroup(resource));
                    }
                    if (!Status.TO_REVIEW.value().equals(oldStatus)) {
                        throw invalid("Collection not under review");
                    }
                    if (Objects.equals(text(old.get("last_review_request_by")), userId)) {
                        throw forbidden("Last editor cannot review");
                    }
                }
            }
            case SIGNED -> throw invalid("Cannot set status to '" + newStatus + "'");
            case TO_ROLLBACK -> {
                if (Status.SIGNED.value().equals(oldStatus)) {
                    throw invalid("Collection has no work-in-progress");
                }
            }
            default -> {
                // work-in-progress (a reviewer rejecting a review, an editor resuming) and to-resign are open.
            }
        }
    }

    private void requireGroup(String group) {
        if (!principals.contains(resource.source().bucketUri() + "/groups/" + group)) {
            throw forbidden("Not in " + group + " group");
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : null;
    }

    static KintoException invalid(String message) {
        return new KintoException(400, Errno.INVALID_POSTED_DATA, "Bad Request", message);
    }

    static KintoException forbidden(String message) {
        return new KintoException(403, Errno.FORBIDDEN, "Forbidden", message);
    }
}
