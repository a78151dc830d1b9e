package org.jinto.http.admin;

import io.swagger.annotations.Api;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.errors.KintoErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Date;

/**
 * The admin UI at {@code /v1/admin/} ({@code kinto.plugins.admin}): {@code /v1/admin} redirects to
 * {@code /v1/admin/}, which answers the build's {@code index.html} with Kinto's Content-Security-Policy for it
 * (everything from the same origin only); every other file of the build is served below it. Static files, left out
 * of the API description as in Kinto.
 */
@Api(hidden = true)
@Path("admin")
@RequestScoped
public class AdminResource {

    /** Kinto's policy for the admin page: its scripts, styles, images and API calls come from this server only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src data: 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'";
    /** As Kinto's static view: browsers may keep a file for an hour. */
    private static final String CACHE_CONTROL = "max-age=3600";

    @Inject
    AdminAssets assets;

    @GET
    public Response home(@Context UriInfo uriInfo, @Context Request request) {
        if (!assets.enabled()) {
            throw KintoErrors.notFound();
        }
        if (!uriInfo.getPath().endsWith("/")) {
            return Response.temporaryRedirect(URI.create(uriInfo.getAbsolutePath() + "/")).build();
        }
        return file(AdminAssets.INDEX, request).header("Content-Security-Policy", CONTENT_SECURITY_POLICY).build();
    }

    @GET
    @Path("{file: .+}")
    public Response asset(@PathParam("file") String file, @Context Request request) {
        return file(file, request).build();
    }

    private Response.ResponseBuilder file(String relative, Request request) {
        java.nio.file.Path path = assets.file(relative).orElseThrow(KintoErrors::notFound);
        try {
            Date lastModified = new Date(Files.getLastModifiedTime(path).toMillis());
            Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified);
            if (notModified != null) {
                return notModified.header("Cache-Control", CACHE_CONTROL);
            }
            return Response.ok(path.toFile(), MediaTypes.of(path.getFileName().toString()))
                    .lastModified(lastModified)
                    .header("Cache-Control", CACHE_CONTROL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
