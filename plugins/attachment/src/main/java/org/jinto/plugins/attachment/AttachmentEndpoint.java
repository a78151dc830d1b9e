package org.jinto.plugins.attachment;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.api.Settings;
import org.jinto.api.auth.Authorization;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;
import org.jinto.api.http.ResourceRequests;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * kinto-attachment's {@code {record}/attachment}: POST a multipart form to attach a file to a record (created if
 * missing), DELETE to remove it. The caller needs {@code write} on the record, or {@code record:create} on the
 * collection when the record does not exist, checked before anything is read or stored. The record is written
 * through the resource API (schema, permissions, events, history as a PATCH or PUT of it).
 */
@Path("buckets/{bucket_id}/collections/{collection_id}/records/{id}/attachment")
@RequestScoped
public class AttachmentEndpoint implements OptionalEndpoint {

    /** Without {@code kinto.attachment.max_request_bytes}, a request body may not exceed 1 GiB. */
    static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 30;
    /** Headers of the upload that apply to the record's write (preconditions, authentication). */
    private static final List<String> FORWARDED = List.of("Authorization", "If-Match", "If-None-Match");

    @Inject
    AttachmentPlugin plugin;
    @Inject
    Settings settings;
    @Inject
    Storage storage;
    @Inject
    Authorization authorization;
    @Inject
    ResourceRequests resources;
    @Inject
    Attachments attachments;
    @Inject
    PendingFiles pending;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public boolean isServed() {
        return plugin.isEnabled();
    }

    @POST
    @ApiOperation(value = "Attach a file to a record", nickname = "attachment_post", tags = "Attachments")
    @ApiResponses({@ApiResponse(code = 201, message = "The record was created with the file."),
            @ApiResponse(code = 200, message = "The record's file was attached or replaced."),
            @ApiResponse(code = 400, message = "Bad form, file too large or not allowed.")})
    public Response post(@PathParam("bucket_id") String bucketId, @PathParam("collection_id") String collectionId,
                         @PathParam("id") String id) {
        RecordRef record = new RecordRef(bucketId, collectionId, id);
        boolean exists = authorize(record);
        AttachmentSettings all = AttachmentSettings.from(settings);
        AttachmentSettings.ResourceSettings config = all.forResource(bucketId, collectionId);
        checkMultipart(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        long maxRequest = all.get("max_request_bytes").map(Long::parseLong).orElse(DEFAULT_MAX_REQUEST_BYTES);
        try (UploadForm form = UploadForm.read(servletRequest, config.rules(), maxRequest, config.maxSizeBytes())) {
            JsonObject body = recordBody(form);
            attachments.release(record, config);
            Attachments.Stored stored = attachments.store(record, form, config);
            pending.wrote(record.uri(), stored.metadata());
            ResourceRequests.Answer answer = write(record, exists, JSON.createObjectBuilder(body)
                    .add("data", JSON.createObjectBuilder(body.getJsonObject("data"))
                            .add(UploadForm.FILE_FIELD, stored.metadata())).build());
            if (answer.status() >= 400) {
                pending.discard(stored.location());
                return error(answer);
            }
            return Response.status(exists ? 200 : 201).type("application/json")
                    .entity(stored.metadata().toString()).header("Location", "/v1" + record.uri()).build();
        }
    }

    @DELETE
    @ApiOperation(value = "Remove the file of a record", nickname = "attachment_delete", tags = "Attachments")
    @ApiResponses(@ApiResponse(code = 204, message = "The file and the record's attachment field are removed."))
    public Response delete(@PathParam("bucket_id") String bucketId, @PathParam("collection_id") String collectionId,
                           @PathParam("id") String id) {
        RecordRef record = new RecordRef(bucketId, collectionId, id);
        boolean exists = authorize(record);
        attachments.release(record, AttachmentSettings.from(settings).forResource(bucketId, collectionId));
        JsonObject body = JSON.createObjectBuilder()
                .add("data", JSON.createObjectBuilder().addNull(UploadForm.FILE_FIELD)).build();
        ResourceRequests.Answer answer = write(record, exists, body);
        return answer.status() >= 400 ? error(answer) : Response.noContent().build();
    }

    /** kinto-attachment serves only POST and DELETE: others get Kinto's 405. */
    @GET
    @ApiOperation(value = "", hidden = true)
    public Response get() {
        throw notAllowed();
    }

    @PUT
    @ApiOperation(value = "", hidden = true)
    public Response put() {
        throw notAllowed();
    }

    @PATCH
    @ApiOperation(value = "", hidden = true)
    public Response patch() {
        throw notAllowed();
    }

    private static KintoException notAllowed() {
        return new KintoException(405, Errno.METHOD_NOT_ALLOWED, "Method Not Allowed",
                "Method not allowed on this endpoint.", null, Map.of("Allow", "POST, DELETE, OPTIONS"));
    }

    /** kinto-attachment's route factory: write on the record if it exists, else record:create on the collection. */
    private boolean authorize(RecordRef record) {
        if (!plugin.isEnabled()) {
            throw KintoException.notFound();
        }
        boolean exists;
        try {
            exists = !storage.get("record", record.collectionUri(), record.id()).getBoolean("deleted", false);
        } catch (ObjectNotFoundException e) {
            exists = false;
        }
        String authorizationHeader = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (exists) {
            authorization.require(authorizationHeader, "record", record.uri(), "write");
        } else {
            authorization.require(authorizationHeader, "record", record.collectionUri(), "record:create");
        }
        return exists;
    }

    private static void checkMultipart(String contentType) {
        if (contentType == null || !contentType.contains("multipart/form-data")) {
            throw new KintoException(400, Errno.INVALID_PARAMETERS, "Invalid parameters",
                    "Content-Type should be multipart/form-data");
        }
        if (!contentType.contains("boundary=")) {
            throw new KintoException(400, Errno.INVALID_PARAMETERS, "Invalid parameters",
                    "Invalid boundary in multipart form: ''");
        }
    }

    /** The record's {@code data} and {@code permissions} from the form's fields, validated as kinto-attachment. */
    private static JsonObject recordBody(UploadForm form) {
        if (form.file() == null) {
            if (form.filenameless()) {
                throw Attachments.invalidBody("Filename is required.");
            }
            throw Attachments.badRequest(Errno.INVALID_POSTED_DATA, "Attachment missing.");
        }
        JsonObjectBuilder body = JSON.createObjectBuilder().add("data", JsonValue.EMPTY_JSON_OBJECT);
        for (String field : List.of("data", "permissions")) {
            if (form.fileFields().contains(field)) {
                throw Attachments.badRequest(Errno.INVALID_POSTED_DATA,
                        "body: '" + field + "' field should be passed as form data, not files");
            }
            String text = form.fields().get(field);
            if (text != null) {
                body.add(field, jsonObject(field, text));
            }
        }
        List<String> allowed = List.of("data", "permissions");
        Optional<String> unknown = Stream.concat(form.fields().keySet().stream(), form.fileFields().stream())
                .filter(name -> !allowed.contains(name)).findFirst();
        if (unknown.isPresent()) {
            throw Attachments.badRequest(Errno.INVALID_POSTED_DATA,
                    "body: '" + unknown.get() + "' not in ('data', 'permissions')");
        }
        return body.build();
    }

    private static JsonObject jsonObject(String field, String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
            throw Attachments.badRequest(Errno.INVALID_POSTED_DATA,
                    "body: " + field + " is not valid JSON (not an object)");
        } catch (JsonException e) {
            throw Attachments.badRequest(Errno.INVALID_POSTED_DATA,
                    "body: " + field + " is not valid JSON (" + e.getMessage() + ")");
        }
    }

    /** kinto-attachment's {@code patch_record}: PATCH the record if it exists, else PUT it. */
    private ResourceRequests.Answer write(RecordRef record, boolean exists, JsonObject body) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String name : FORWARDED) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                forwarded.put(name, value);
            }
        }
        return resources.send(exists ? "PATCH" : "PUT", record.uri(), forwarded, body,
                uriInfo.getBaseUri().toString());
    }

    private static Response error(ResourceRequests.Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status());
        answer.headers().forEach(response::header);
        if (answer.body() != null) {
            response.type("application/json").entity(answer.body().toString());
        }
        return response.build();
    }
}
