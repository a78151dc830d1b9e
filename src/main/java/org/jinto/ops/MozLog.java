package org.jinto.ops;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
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

    /** The line as text, written field by field rather than built as a JSON tree and then printed. */
    public static String requestSummary(RequestSummary summary, String logger, String hostname, long pid,
                                        int severity) {
        Instant at = summary.finishedAt();
        StringWriter line = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject()
                    .write("Timestamp", ChronoUnit.NANOS.between(Instant.EPOCH, at))
                    .write("Type", TYPE)
                    .write("Logger", logger)
                    .write("Hostname", hostname)
                    .write("EnvVersion", ENV_VERSION)
                    .write("Severity", severity)
                    .write("Pid", pid)
                    .writeStartObject("Fields")
                    .write("method", summary.method())
                    .write("path", summary.path())
                    .writeStartObject("querystring");
            summary.querystring().forEach(json::write);
            json.writeEnd()
                    .write("code", summary.code())
                    .write("t", summary.durationMs())
                    .write("time", LocalDateTime.ofInstant(at, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MICROS).toString())
                    .write("errno", summary.errno())
                    .write("rid", summary.requestId());
            writeOrNull(json, "uid", summary.userId());
            writeOrNull(json, "agent", summary.agent());
            writeOrNull(json, "lang", summary.lang());
            json.writeEnd().writeEnd();
        }
        return line.toString();
    }

    private static void writeOrNull(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
