package org.jinto.resource.schema;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonValue;
import org.jinto.resource.body.RapidJson;
import org.jinto.resource.errors.Python;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** python-jsonschema's error messages (the {@code message} of its {@code ValidationError}), which Kinto answers. */
final class PythonSchemaMessages {

    private PythonSchemaMessages() {
    }

    static String message(SchemaError error) {
        String instance = repr(error.instance());
        JsonNode value = error.keywordValue();
        return switch (error.keyword()) {
            case "type" -> instance + " is not of type " + (value.isArray()
                    ? StreamSupport.stream(value.spliterator(), false).map(PythonSchemaMessages::repr)
                    .collect(Collectors.joining(", "))
                    : repr(value));
            case "required" -> Python.reprString(error.arguments().get(0)) + " is a required property";
            case "minimum" -> instance + " is less than the minimum of " + repr(value);
            case "maximum" -> instance + " is greater than the maximum of " + repr(value);
            case "exclusiveMinimum" -> instance + " is less than or equal to the minimum of " + repr(value);
            case "exclusiveMaximum" -> instance + " is greater than or equal to the maximum of " + repr(value);
            case "multipleOf" -> instance + " is not a multiple of " + repr(value);
            case "minLength", "minItems" -> instance + (value.asLong() == 1 ? " should be non-empty" : " is too short");
            case "maxLength", "maxItems" -> instance + (value.asLong() == 0 ? " is expected to be empty"
                    : " is too long");
            case "minProperties" -> instance + (value.asLong() == 1 ? " should be non-empty"
                    : " does not have enough properties");
            case "maxProperties" -> instance + (value.asLong() == 0 ? " is expected to be empty"
                    : " has too many properties");
            case "uniqueItems" -> instance + " has non-unique elements";
            case "pattern" -> instance + " does not match " + repr(value);
            case "enum" -> instance + " is not one of " + repr(value);
            case "const" -> repr(value) + " was expected";
            case "anyOf", "oneOf" -> instance + " is not valid under any of the given schemas";
            case "not" -> instance + " should not be valid under " + repr(value);
            case "contains" -> instance + " does not contain items matching the given schema";
            case "dependentRequired", "dependencies" -> Python.reprString(error.arguments().get(0))
                    + " is a dependency of " + Python.reprString(error.arguments().get(1));
            case "additionalProperties" -> unexpected("Additional properties are not allowed", error.arguments());
            case "unevaluatedProperties" -> unexpected("Unevaluated properties are not allowed", error.arguments());
            case "false" -> "False schema does not allow " + instance;
            default -> error.fallback();
        };
    }

    private static String unexpected(String prefix, List<String> names) {
        String listed = names.stream().map(Python::reprString).collect(Collectors.joining(", "));
        return prefix + " (" + listed + (names.size() == 1 ? " was" : " were") + " unexpected)";
    }

    static String repr(JsonNode node) {
        return Python.repr(toJson(node));
    }

    static JsonValue toJson(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return JsonValue.NULL;
        }
        return RapidJson.loads(node.toString(), Integer.MAX_VALUE);
    }
}
