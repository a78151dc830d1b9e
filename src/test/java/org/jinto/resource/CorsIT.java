package org.jinto.resource;

import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cross-origin requests: preflights and the headers of actual requests, as Kinto's services answer them. */
class CorsIT extends ApiTestSupport {

    private static final String ORIGIN = "http://app.example.com";

    private static Set<String> list(String header) {
        return Arrays.stream(header.split(",")).map(String::strip).collect(Collectors.toSet());
    }

    private Http.Response preflight(Http client, String path, String method) {
        return client.with("Origin", ORIGIN).with("Access-Control-Request-Method", method).send("OPTIONS", path, null);
    }

    @Test
    void preflightOfAnObjectEndpoint() {
        Http.Response response = preflight(anonymous, "/buckets/any", "PUT");
        assertEquals(200, response.status());
        assertEquals("*", response.header("Access-Control-Allow-Origin"));
        assertEquals(Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"), list(response.header("Access-Control-Allow-Methods")));
        assertEquals(Set.of("Pragma", "Cache-Control", "Last-Modified", "Retry-After", "ETag", "Content-Length", "Alert",
                "Expires", "Backoff", "Content-Type"), list(response.header("Access-Control-Allow-Headers")));
        assertEquals("3600", response.header("Access-Control-Max-Age"));
        assertEquals("null", response.body());
    }

    @Test
    void preflightOfAPluralEndpointEchoesRequestedHeaders() {
        Http.Response response = anonymous.with("Access-Control-Request-Headers", "content-type, authorization, if-match")
                .with("Origin", ORIGIN).with("Access-Control-Request-Method", "POST")
                .send("OPTIONS", "/buckets/b/collections/c/records", null);
        assertEquals(200, response.status());
        assertEquals(Set.of("HEAD", "GET", "POST", "DELETE", "OPTIONS"), list(response.header("Access-Control-Allow-Methods")));
        Set<String> allowed = list(response.header("Access-Control-Allow-Headers"));
        assertTrue(allowed.containsAll(Set.of("content-type", "authorization", "if-match", "Next-Page", "Total-Objects")));
    }

    @Test
    void preflightOfServiceEndpoints() {
        Http.Response hello = preflight(anonymous, "/", "GET");
        assertEquals(200, hello.status());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), list(hello.header("Access-Control-Allow-Methods")));
        assertEquals(Set.of("Retry-After", "Content-Length", "Alert", "Backoff", "Content-Type"),
                list(hello.header("Access-Control-Allow-Headers")));
        assertNull(hello.header("Last-Modified"), "Kinto's preflight of / carries no Last-Modified");
    }

    @Test
    void preflightNeedsTheRequestedMethod() {
        Http.Response missing = anonymous.with("Origin", ORIGIN).send("OPTIONS", "/buckets/b1", null);
        assertInvalid(missing, "header", "Access-Control-Request-Method");
        assertEquals("*", missing.header("Access-Control-Allow-Origin"));
        assertInvalid(preflight(anonymous, "/buckets", "PATCH"), "header", "Access-Control-Request-Method");
        assertInvalid(anonymous.with("Access-Control-Request-Method", "GET").send("OPTIONS", "/", null), "header", "Origin");
    }

    @Test
    void responsesExposeTheirEndpointsHeaders() {
        String b = unique("b");
        Http fromApp = alice.with("Origin", ORIGIN);
        Http.Response created = fromApp.send("PUT", "/buckets/" + b, "{}");
        assertEquals("*", created.header("Access-Control-Allow-Origin"));
        assertEquals(Set.of("Alert", "Retry-After", "Content-Length", "Content-Type", "Backoff"),
                list(created.header("Access-Control-Expose-Headers")));
        assertTrue(list(fromApp.get("/buckets/" + b).header("Access-Control-Expose-Headers")).contains("ETag"));
        assertTrue(list(fromApp.get("/buckets").header("Access-Control-Expose-Headers")).contains("Next-Page"));
        assertTrue(list(fromApp.send("HEAD", "/buckets", null).header("Access-Control-Expose-Headers")).contains("Total-Objects"));
        Http.Response error = anonymous.with("Origin", ORIGIN).get("/buckets/" + b);
        assertEquals(401, error.status());
        assertEquals("*", error.header("Access-Control-Allow-Origin"));
        assertEquals("*", anonymous.with("Origin", ORIGIN).get("/").header("Access-Control-Allow-Origin"));
        assertNull(alice.get("/buckets/" + b).header("Access-Control-Allow-Origin"), "no origin, no CORS answer");
    }

    @Test
    void originsAndMaxAgeComeFromTheSettings() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.cors_origins", "https://*.example.org");
        settings.put("kinto.cors_max_age_seconds", "60");
        Http server = new Http(JintoServer.url(settings));
        Http.Response allowed = server.with("Origin", "https://app.example.org")
                .with("Access-Control-Request-Method", "GET").send("OPTIONS", "/buckets", null);
        assertEquals(200, allowed.status());
        assertEquals("https://app.example.org", allowed.header("Access-Control-Allow-Origin"));
        assertEquals("60", allowed.header("Access-Control-Max-Age"));
        Http.Response refused = server.with("Origin", "https://evil.example.com")
                .with("Access-Control-Request-Method", "GET").send("OPTIONS", "/buckets", null);
        assertInvalid(refused, "header", "Origin");
        assertNull(server.with("Origin", "https://evil.example.com").get("/").header("Access-Control-Allow-Origin"));
    }
}
