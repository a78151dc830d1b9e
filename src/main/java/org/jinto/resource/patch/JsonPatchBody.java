package org.jinto.resource.patch;

import static org.jinto.api.Jsonp.JSON;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON Patch body checked as Kinto's {@code JsonPatchBodySchema}: a list of operations, each an object with a
 * known {@code op}, a {@code path} (and optional {@code from}) that starts like {@code /word}, no other member but
 * {@code value}. Errors are named {@code <index>.<member>}.
 */
final class JsonPatchBody {

    static final List<String> OPERATIONS = List.of("test", "add", "remove", "replace", "move", "copy");
    private static final Set<String> MEMBERS = Set.of("op", "path", "from", "value");
    /** colander's Regex validator uses re.match: the pattern must match a prefix of the path. */
    private static final Pattern PATH = Pattern.compile("(/\\w*)+", Pattern.UNICODE_CHARACTER_CLASS);

    private JsonPatchBody() {
    }

    static JsonArray operations(JsonValue body) {
        List<JsonValue> items = items(body);
        List<ErrorDetail> errors = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            operation(items.get(index), Integer.toString(index), errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidParameters.of(errors);
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(array::add);
        return array.build();
    }

    /** colander's Sequence: a list, or (as Python iterates it) a string's characters. */
    private static List<JsonValue> items(JsonValue body) {
        if (body instanceof JsonArray array) {
            return array;
        }
        if (body instanceof JsonString string) {
            return string.getString().codePoints()
                    .mapToObj(c -> (JsonValue) JSON.createValue(new String(Character.toChars(c)))).toList();
        }
        throw InvalidParameters.of("body", "", ColanderMessages.notIterable(body));
    }

    private static void operation(JsonValue item, String name, List<ErrorDetail> errors) {
        if (!(item instanceof JsonObject operation)) {
            errors.add(ErrorDetail.of("body", name, ColanderMessages.notAMapping(item)));
            return;
        }
        JsonObjectBuilder extras = JSON.createObjectBuilder();
        operation.forEach((key, value) -> {
            if (!MEMBERS.contains(key)) {
                extras.add(key, value);
            }
        });
        JsonObject unknown = extras.build();
        if (!unknown.isEmpty()) {
            errors.add(ErrorDetail.of("body", name, ColanderMessages.unrecognizedKeys(unknown)));
            return;
        }
        String op = string(operation, "op", true, name, errors);
        if (op != null && !OPERATIONS.contains(op)) {
            errors.add(ErrorDetail.of("body", name + ".op", ColanderMessages.notOneOf(op, OPERATIONS)));
        }
        pointer(operation, "path", true, name, errors);
        pointer(operation, "from", false, name, errors);
    }

    private static void pointer(JsonObject operation, String member, boolean required, String name,
                                List<ErrorDetail> errors) {
        String pointer = string(operation, member, required, name, errors);
        if (pointer != null && !PATH.matcher(pointer).lookingAt()) {
            errors.add(ErrorDetail.of("body", name + "." + member, "String does not match expected pattern"));
        }
    }

    /** colander's String: a falsy value is missing, another non-string is refused. */
    private static String string(JsonObject operation, String member, boolean required, String name,
                                 List<ErrorDetail> errors) {
        JsonValue value = operation.get(member);
        if (value == null || !Python.truthy(value)) {
            if (required) {
                errors.add(ErrorDetail.of("body", name + "." + member, ColanderMessages.REQUIRED));
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(ErrorDetail.of("body", name + "." + member, ColanderMessages.notAString(value, member)));
            return null;
        }
        return string.getString();
    }
}
