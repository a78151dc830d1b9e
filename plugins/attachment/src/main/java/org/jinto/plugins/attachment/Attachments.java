package org.jinto.plugins.attachment;

import static org.jinto.api.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.storage.BackendException;
import org.jinto.api.storage.Storage;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/**
 * Stores an uploaded file as kinto-attachment's {@code save_file} does: its location (folder, random name), gzipped
 * if configured, and the {@code attachment} metadata of the record; and lets go of the files of a record.
 */
@ApplicationScoped
public class Attachments {

    @Inject
    Settings settings;
    @Inject
    FileStores stores;
    @Inject
    PendingFiles pending;
    @Inject
    Storage storage;

    /** A stored file: its location in the store and the record's {@code attachment} metadata. */
    record Stored(String location, JsonObject metadata) {
    }

    /** Stores the file, linked to its record; deleted again if the request does not commit. */
    Stored store(RecordRef record, UploadForm form, AttachmentSettings.ResourceSettings config) {
        AttachmentSettings global = AttachmentSettings.from(settings);
        String filename = form.filename();
        String mimetype = config.rules().mimetype(filename, form.partType());
        JsonObjectBuilder metadata = JSON.createObjectBuilder();
        SpooledFile content = form.file();
        SpooledFile gzipped = null;
        try {
            if (config.gzipped()) {
                gzipped = content.gzipped();
                metadata.add("original", JSON.createObjectBuilder().add("filename", filename)
                        .add("hash", content.sha256Hex()).add("mimetype", mimetype).add("size", content.size()));
                content = gzipped;
                filename = filename + ".gz";
                mimetype = "application/x-gzip";
            }
            String location = location(record, filename, config);
            try {
                stores.current().save(location, content.path(), mimetype);
            } catch (IOException | RuntimeException e) {
                throw new BackendException("Could not store the attachment " + location, e);
            }
            pending.stored(location);
            new FileLinks(storage).add(location, record);
            return new Stored(location, metadata.add("filename", filename).add("location", global.baseUrl() + location)
                    .add("hash", content.sha256Hex()).add("mimetype", mimetype).add("size", content.size()).build());
        } catch (IOException e) {
            throw new BackendException("Could not gzip the attachment", e);
        } finally {
            if (gzipped != null) {
                try {
                    gzipped.close();
                } catch (IOException ignored) {
                    // The temporary folder is cleaned eventually.
                }
            }
        }
    }

    /** The files of the record go after the commit, with their links, unless old files are kept. */
    void release(RecordRef record, AttachmentSettings.ResourceSettings config) {
        var locations = new FileLinks(storage).remove("record_uri", record.uri());
        if (!config.keepOldFiles()) {
            pending.released(locations);
        }
    }

    /**
     * pyramid_storage's name: {@code folder/<uuid><.ext>} (the extension lower-cased), or the posted name without
     * its directories when {@code randomize} is off.
     */
    private static String location(RecordRef record, String filename, AttachmentSettings.ResourceSettings config) {
        String extension = FileRules.extension(filename);
        String name = config.randomize()
                ? UUID.randomUUID() + (extension.isEmpty() ? "" : "." + extension.toLowerCase(Locale.ROOT))
                : filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        String folder = config.folder().replace("{bucket_id}", record.bucketId())
                .replace("{collection_id}", record.collectionId());
        return folder.isEmpty() ? name : folder.replaceAll("/+$", "") + "/" + name;
    }

    /** kinto-attachment's {@code raise_invalid(location="body")}: 400 errno 107, {@code body: <description>}. */
    static KintoException invalidBody(String description) {
        return new KintoException(400, Errno.INVALID_PARAMETERS, "Invalid parameters", "body: " + description,
                JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("location", "body").addNull("name")
                        .add("description", description)).build(), null);
    }

    /** kinto-attachment's {@code http_error(HTTPBadRequest(), errno=..., message=...)}. */
    static KintoException badRequest(Errno errno, String message) {
        return new KintoException(400, errno, "Bad Request", message);
    }
}
