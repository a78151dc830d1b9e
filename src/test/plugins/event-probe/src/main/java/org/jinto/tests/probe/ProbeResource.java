package org.jinto.tests.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/__probe__}: the events seen so far; {@code DELETE} forgets them. */
@Path("__probe__")
@RequestScoped
public class ProbeResource {

    @Inject
    Probe probe;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String seen() {
        JsonArrayBuilder events = Json.createArrayBuilder();
        probe.seen().forEach(events::add);
        return Json.createObjectBuilder().add("events", events).build().toString();
    }

    @DELETE
    public void clear() {
        probe.clear();
    }
}
