package org.jinto.plugins.attachment;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files a request stored or let go, settled with its transaction: once it commits ({@link #committed()}, on the
 * after-commit events), the files let go are deleted; if it ends without committing (an error, a rolled-back batch,
 * a failed commit), the files it stored are deleted and those let go are kept.
 */
@RequestScoped
public class PendingFiles {

    private static final Logger LOG = Logger.getLogger(PendingFiles.class.getName());

    @Inject
    FileStores stores;

    private final List<String> stored = new ArrayList<>();
    private final List<String> released = new ArrayList<>();
    /** The attachment metadata the plugin itself wrote, by record URI (other changes of it are refused). */
    private final Map<String, JsonObject> written = new HashMap<>();

    void stored(String location) {
        stored.add(location);
    }

    /** The file is no longer attached: deleted after the commit. */
    void released(List<String> locations) {
        released.addAll(locations);
    }

    void wrote(String recordUri, JsonObject attachment) {
        written.put(recordUri, attachment);
    }

    boolean wroteAttachment(String recordUri, JsonObject attachment) {
        return attachment.equals(written.get(recordUri));
    }

    /** The request's writes are committed. */
    void committed() {
        List<String> gone = new ArrayList<>(released);
        // A file stored again at the same place (kinto.attachment.randomize = false) is the new one.
        gone.removeAll(stored);
        stored.clear();
        released.clear();
        gone.forEach(this::delete);
    }

    /** Deletes now a file stored by this request (its record was not written). */
    void discard(String location) {
        stored.remove(location);
        delete(location);
    }

    @PreDestroy
    void rollBack() {
        stored.forEach(this::delete);
        stored.clear();
    }

    private void delete(String location) {
        try {
            stores.current().delete(location);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete the attachment file " + location, e);
        }
    }
}
