package org.jinto.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MatchedEndpointFilterTest {

    @Path("/")
    static class Root {
        @GET
        public String hello() {
            return "";
        }

        @GET
        @Path("__heartbeat__")
        public String heartbeat() {
            return "";
        }
    }

    @Path("admin/")
    static class Admin {
        @GET
        @Path("/{file: .+}")
        public String file() {
            return "";
        }
    }

    @Test
    void joinsClassAndMethodPaths() throws Exception {
        assertEquals("/", MatchedEndpointFilter.template(Root.class, Root.class.getMethod("hello")));
        assertEquals("/__heartbeat__", MatchedEndpointFilter.template(Root.class, Root.class.getMethod("heartbeat")));
        assertEquals("/admin/{file: .+}", MatchedEndpointFilter.template(Admin.class, Admin.class.getMethod("file")));
    }
}
