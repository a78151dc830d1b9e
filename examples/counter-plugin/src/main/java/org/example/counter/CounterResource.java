package org.example.counter;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jinto.api.http.KintoException;

/** {@code GET /v1/__counter__/{bucket}/{collection}}: {@code {"records_created": n}}. */
@Path("__counter__/{bucket}/{collection}")
@RequestScoped
public class CounterResource {

    @Inject
    CounterPlugin plugin;
    @Inject
    RecordCounter counter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String count(@PathParam("bucket") String bucket, @PathParam("collection") String collection) {
        if (!plugin.isEnabled()) {
            throw KintoException.notFound();
        }
        return JSON.createObjectBuilder()
                .add("bucket_id", bucket)
                .add("collection_id", collection)
                .add("records_created", counter.created(bucket, collection))
                .build().toString();
    }
}
