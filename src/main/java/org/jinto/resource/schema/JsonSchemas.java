package org.jinto.resource.schema;

import static org.jinto.api.Jsonp.JSON;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.resource.body.ColanderMessages;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.resource.errors.Python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema checks as Kinto makes them (kinto/schema_validation.py), with networknt's validator and
 * python-jsonschema's messages: a schema given in an object ({@code schema} of a collection, {@code record:schema}
 * of a bucket...) must be a valid Draft 7 schema; an object must validate against its schema, the first error
 * answered as 400 errno 107 {@code {location: body, name: <field>, description: <message>}}.
 * <p>
 * Schemas are only read from themselves: a {@code $ref} to anything but the schema's own definitions (or the
 * bundled meta-schemas) is unresolvable, never fetched.
 */
public final class JsonSchemas {

    private static final String DRAFT_7 = "http://json-schema.org/draft-07/schema#";
    private static final int CACHED_SCHEMAS = 256;

    private final ObjectMapper mapper;
    private final JsonSchemaFactory factory;
    private final JsonSchema draft7;
    private final JsonNode draft7Document;
    private final SchemaValidatorsConfig recordConfig;
    private final Map<String, JsonSchema> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonSchema> eldest) {
            return size() > CACHED_SCHEMAS;
        }
    };

    public JsonSchemas() {
        JsonFactory json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(5000).build())
                .build();
        mapper = new ObjectMapper(json);
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .jsonMapper(mapper)
                .schemaLoaders(loaders -> loaders.values(list -> list.add(0,
                        new AllowSchemaLoader(iri -> "classpath".equals(iri.getScheme()))))));
        // Python's validators do not assert "format" on data; Kinto's Draft 7 schema check does.
        recordConfig = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
        draft7 = factory.getSchema(SchemaLocation.of(DRAFT_7),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        draft7Document = metaSchema("draft-07/schema");
    }

    private JsonNode metaSchema(String resource) {
        try (InputStream in = JsonSchemaFactory.class.getClassLoader().getResourceAsStream(resource)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled meta-schema " + resource, e);
        }
    }

    /**
     * Kinto's {@code JSONSchemaMapping}: {@code value} (the {@code field} member of {@code data}) must be an object
     * and, unless empty, a valid Draft 7 schema.
     * @param name the error name, e.g. {@code data.schema} or {@code data.record:schema}
     */
    public void checkSchema(JsonValue value, String name) {
        if (!(value instanceof JsonObject schema)) {
            throw InvalidParameters.of("body", name, ColanderMessages.notAMapping(value));
        }
        if (schema.isEmpty()) {
            return;
        }
        JsonNode document = toNode(schema);
        SchemaErrors.first(draft7.validate(document), draft7Document, document).ifPresent(error -> {
            // Kinto prefixes the message with the last step of the error's path, without separator.
            String step = error.instancePath().isEmpty() ? ""
                    : error.instancePath().get(error.instancePath().size() - 1).toString();
            throw InvalidParameters.of("body", name, step + PythonSchemaMessages.message(error));
        });
    }

    /**
     * Kinto's {@code validate_schema}: the object without {@code ignoreFields} (and without {@code id}, unless the
     * schema's properties name it) must validate; {@code required} is relieved of the ignored fields.
     */
    public void validate(JsonObject object, JsonObject schema, Collection<String> ignoreFields) {
        Set<String> ignored = new HashSet<>(ignoreFields);
        if (!(schema.get("properties") instanceof JsonObject properties) || !properties.containsKey("id")) {
            ignored.add("id");
        }
        JsonObject effective = withoutIgnoredRequired(schema, ignored);
        JsonObjectBuilder data = JSON.createObjectBuilder();
        object.forEach((field, value) -> {
            if (!ignored.contains(field)) {
                data.add(field, value);
            }
        });
        JsonNode document = toNode(data.build());
        JsonNode schemaNode = toNode(effective);
        List<ValidationMessage> messages;
        try {
            messages = List.copyOf(schema(effective, schemaNode).validate(document));
        } catch (JsonSchemaException e) {
            throw InvalidParameters.of("body", "schema", unresolvable(e, effective));
        }
        SchemaErrors.first(messages, schemaNode, document).ifPresent(error -> {
            throw InvalidParameters.of(List.of(
                    new ErrorDetail("body", fieldOf(error), PythonSchemaMessages.message(error))));
        });
    }

    private static JsonObject withoutIgnoredRequired(JsonObject schema, Set<String> ignored) {
        JsonArrayBuilder required = JSON.createArrayBuilder();
        int kept = 0;
        if (schema.get("required") instanceof JsonArray list) {
            for (JsonValue field : list) {
                if (!(field instanceof JsonString name && ignored.contains(name.getString()))) {
                    required.add(field);
                    kept++;
                }
            }
        }
        JsonObjectBuilder effective = JSON.createObjectBuilder(schema);
        if (kept > 0) {
            effective.add("required", required);
        } else {
            effective.remove("required");
        }
        return effective.build();
    }

    private synchronized JsonSchema schema(JsonObject schema, JsonNode node) {
        return compiled.computeIfAbsent(schema.toString(), key -> factory.getSchema(node, recordConfig));
    }

    /** Kinto names the field of an error: its last path step, else the last item of the keyword's value. */
    private static JsonValue fieldOf(SchemaError error) {
        if (!error.instancePath().isEmpty()) {
            Object step = error.instancePath().get(error.instancePath().size() - 1);
            return step instanceof Integer index ? JSON.createValue(index) : JSON.createValue(step.toString());
        }
        JsonNode value = error.keywordValue();
        if (value != null && value.isArray() && !value.isEmpty()) {
            return PythonSchemaMessages.toJson(value.get(value.size() - 1));
        }
        if (value != null && value.isTextual() && !value.asText().isEmpty()) {
            String text = value.asText();
            return JSON.createValue(text.substring(text.offsetByCodePoints(text.length(), -1)));
        }
        Object keyword = error.schemaPath().isEmpty() ? error.keyword()
                : error.schemaPath().get(error.schemaPath().size() - 1);
        return keyword instanceof Integer index ? JSON.createValue(index) : JSON.createValue(keyword.toString());
    }

    private static String unresolvable(JsonSchemaException e, JsonObject schema) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int reference = message.indexOf("Reference ");
        if (reference >= 0) {
            String ref = message.substring(reference + 10).replace(" cannot be resolved", "").strip();
            return Python.reprString(ref) + " does not exist within " + Python.repr(schema);
        }
        return "Unresolvable: " + message;
    }

    private JsonNode toNode(JsonValue value) {
        try {
            return mapper.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON-P value is always valid JSON", e);
        }
    }
}
