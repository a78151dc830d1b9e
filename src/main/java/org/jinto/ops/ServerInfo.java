package org.jinto.ops;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Name, version and build facts of this Jinto build, from {@code version.json} written at build time. */
@ApplicationScoped
public class ServerInfo {

    private final JsonObject version;

    public ServerInfo() {
        try (InputStream in = ServerInfo.class.getResourceAsStream("/version.json")) {
            version = JSON.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return version.getString("name");
    }

    public String version() {
        return version.getString("version");
    }

    /** The {@code __version__} document: name, version, source, commit, build. */
    public JsonObject versionJson() {
        return version;
    }
}
