package org.example.counter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;

import java.util.List;

/** Declares the plugin: enabled by {@code kinto.includes = jinto.examples.counter}. */
@ApplicationScoped
public class CounterPlugin implements Plugin {

    @Override
    public String includeName() {
        return "jinto.examples.counter";
    }

    @Override
    public List<Capability> capabilities() {
        return List.of(new Capability("counter", "Counts the records created in each collection.",
                "https://example.org/jinto-counter-plugin",
                Json.createObjectBuilder().add("endpoint", "/__counter__/{bucket_id}/{collection_id}").build()));
    }
}
