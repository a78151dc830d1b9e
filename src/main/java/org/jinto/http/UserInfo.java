package org.jinto.http;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.auth.Identity;
import org.jinto.defaultbucket.DefaultBucket;

/** The {@code user} section of {@code GET /v1/}: id, principals and, with the default bucket plugin, its bucket id. */
@ApplicationScoped
public class UserInfo {

    @Inject
    DefaultBucket defaultBucket;

    public JsonObject of(Identity identity) {
        JsonArrayBuilder principals = JSON.createArrayBuilder();
        identity.principals().forEach(principals::add);
        JsonObjectBuilder user = JSON.createObjectBuilder()
                .add("id", identity.userId())
                .add("principals", principals);
        if (defaultBucket.enabled()) {
            user.add("bucket", defaultBucket.bucketId(identity.userId()));
        }
        return user.build();
    }
}
