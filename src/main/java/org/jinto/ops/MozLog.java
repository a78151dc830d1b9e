package org.jinto.ops;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Formats a request summary as one line of Mozilla's mozlog JSON (the format of Kinto's JSON log formatter):
 * envelope {@code Timestamp} (ns), {@code Type}, {@code Logger}, {@code Hostname}, {@code EnvVersion},
 * {@code Severity} (syslog), {@code Pid}, and the request facts in {@code Fields}.
 */
public final class MozLog {

    public static final String TYPE = "request.summary";
    static final String ENV_VERSION = "2.0";

    private MozLog() {
    }

    public static JsonObject requestSummary(RequestSummary summary, String logger, String hostname, long pid,
                                            int severity) {
        Instant at = summary.finishedAt();
        JsonObjectBuilder querystring = JSON.createObjectBuilder();
        summary.querystring().forEach(querystring::add);
        JsonObjectBuilder fields = JSON.createObjectBuilder()
                .add("method", summary.method())
                .add("path", summary.path())
                .add("querystring", querystring)
                .add("code", summary.code())
                .add("t", summary.durationMs())
                .add("time", LocalDateTime.ofInstant(at, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MICROS).toString())
                .add("errno", summary.errno())
                .add("rid", summary.requestId());
        addOrNull(fields, "uid", summary.userId());
        addOrNull(fields, "agent", summary.agent());
        addOrNull(fields, "lang", summary.lang());
        return JSON.createObjectBuilder()
                .add("Timestamp", ChronoUnit.NANOS.between(Instant.EPOCH, at))
                .add("Type", TYPE)
                .add("Logger", logger)
                .add("Hostname", hostname)
                .add("EnvVersion", ENV_VERSION)
                .add("Severity", severity)
                .add("Pid", pid)
                .add("Fields", fields)
                .build();
    }

    private static void addOrNull(JsonObjectBuilder fields, String name, String value) {
        if (value == null) {
            fields.addNull(name);
        } else {
            fields.add(name, value);
        }
    }
}
