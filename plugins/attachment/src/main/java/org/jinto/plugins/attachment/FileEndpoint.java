package org.jinto.plugins.attachment;

import io.swagger.annotations.ApiOperation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.auth.Authorization;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;

import java.net.URLConnection;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /v1/attachments/{location}}: the files of the local store, for a {@code kinto.attachment.base_url}
 * pointing at Jinto itself ({@code http://host/v1/attachments/}). {@code kinto.attachment.serve_files} says to whom:
 * {@code read} (the default) to whoever may read the file's record, {@code public} to anyone (as the CDN of
 * Kinto's deployments), {@code off} to no one.
 */
@Path("attachments/{location: .+}")
@RequestScoped
public class FileEndpoint implements OptionalEndpoint {

    @Inject
    AttachmentPlugin plugin;
    @Inject
    Settings settings;
    @Inject
    Storage storage;
    @Inject
    Authorization authorization;
    @Inject
    @BackendName("local")
    LocalFileStore localStore;

    @Override
    public boolean isServed() {
        return mode().isPresent();
    }

    /** {@code read} or {@code public}; empty when files are not served. */
    private Optional<String> mode() {
        if (!plugin.isEnabled()) {
            return Optional.empty();
        }
        AttachmentSettings config = AttachmentSettings.from(settings);
        String mode = config.get("serve_files").orElse("read").strip().toLowerCase(Locale.ROOT);
        if (!config.localStore() || !(mode.equals("read") || mode.equals("public"))) {
            return Optional.empty();
        }
        return Optional.of(mode);
    }

    @GET
    @ApiOperation(value = "Download an attached file", nickname = "attachment_file", tags = "Attachments")
    public Response file(@PathParam("location") String location,
                         @HeaderParam("Authorization") String authorizationHeader) {
        String mode = mode().orElseThrow(KintoException::notFound);
        java.nio.file.Path file;
        try {
            file = localStore.path(location);
        } catch (IllegalArgumentException outside) {
            throw KintoException.notFound();
        }
        String type = null;
        Optional<String> recordUri = new FileLinks(storage).recordOf(location);
        if (mode.equals("read")) {
            String uri = recordUri.orElseThrow(KintoException::notFound);
            authorization.require(authorizationHeader, "record", uri, "read");
            type = mimetypeOf(uri).orElse(null);
        }
        if (!Files.isRegularFile(file)) {
            throw KintoException.notFound();
        }
        if (type == null) {
            type = Optional.ofNullable(URLConnection.guessContentTypeFromName(file.getFileName().toString()))
                    .orElse("application/octet-stream");
        }
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body, type).build();
    }

    /** The mimetype the record's attachment metadata gives its file. */
    private Optional<String> mimetypeOf(String recordUri) {
        int records = recordUri.lastIndexOf("/records/");
        try {
            JsonObject record = storage.get("record", recordUri.substring(0, records),
                    recordUri.substring(records + "/records/".length()));
            JsonObject attachment = record.getJsonObject(UploadForm.FILE_FIELD);
            return attachment == null ? Optional.empty() : Optional.of(attachment.getString("mimetype", null));
        } catch (ObjectNotFoundException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
