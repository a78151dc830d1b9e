package org.jinto.resource.patch;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.resource.errors.Python;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One JSON Patch operation applied as Kinto's library (python-jsonpatch and jsonpointer) applies it: the same
 * decisions (a {@code test} compares with Python's equality, {@code 1 == 1.0 == True}) and, when the operation cannot
 * apply, its message, so that the 400 reads {@code JSON Patch operation failed: <its message>}. Each operation is
 * evaluated once: the walk to its target decides, then JSON-P's {@link jakarta.json.JsonPointer} writes the change
 * into a copy of the (immutable) document.
 */
final class PythonJsonPatch {

    private static final Pattern STRAY_TILDE = Pattern.compile("(~[^01]|~$)");
    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]*");

    private PythonJsonPatch() {
    }

    /** A pointer that the library refuses to build ({@code Found stray ~}), checked for every path first. */
    static Optional<String> invalidPointer(String pointer) {
        return STRAY_TILDE.matcher(pointer).find() ? Optional.of("Found stray ~") : Optional.empty();
    }

    /**
     * The document after {@code operation} (already shape-checked).
     * @throws Problem with python-jsonpatch's message when the operation cannot apply
     */
    static JsonObject apply(JsonObject document, JsonObject operation) {
        String path = operation.getString("path");
        return switch (operation.getString("op")) {
            case "add" -> add(document, path, requireValue(operation));
            case "remove" -> remove(document, path);
            case "replace" -> replace(document, path, operation);
            case "move" -> move(document, path, operation);
            case "copy" -> copy(document, path, operation);
            default -> test(document, path, operation);
        };
    }

    private static JsonObject add(JsonObject document, String path, JsonValue value) {
        Target target = toLast(document, path);
        if (target.container() instanceof JsonArray array && !target.part().equals("-")
                && position(target.part()) > array.size()) {
            throw new Problem("can't insert outside of list");
        }
        return JSON.createPointer(path).add(document, value);
    }

    private static JsonObject remove(JsonObject document, String path) {
        Target target = toLast(document, path);
        if (target.container() instanceof JsonArray array) {
            if (target.part().equals("-")) {
                throw new Problem("invalid array index '-'");
            }
            if (position(target.part()) >= array.size()) {
                throw new Problem("can't remove a non-existent object '" + target.part() + "'");
            }
        } else if (!target.container().asJsonObject().containsKey(target.part())) {
            throw new Problem("can't remove a non-existent object '" + target.part() + "'");
        }
        return JSON.createPointer(path).remove(document);
    }

    private static JsonObject replace(JsonObject document, String path, JsonObject operation) {
        JsonValue value = requireValue(operation);
        Target target = toLast(document, path);
        if (target.part().equals("-")) {
            throw new Problem("'path' with '-' can't be applied to 'replace' operation");
        }
        if (target.container() instanceof JsonArray array) {
            if (position(target.part()) >= array.size()) {
                throw new Problem("can't replace outside of list");
            }
        } else if (!target.container().asJsonObject().containsKey(target.part())) {
            throw new Problem("can't replace a non-existent object '" + target.part() + "'");
        }
        return JSON.createPointer(path).replace(document, value);
    }

    private static JsonObject move(JsonObject document, String path, JsonObject operation) {
        String from = requireFrom(operation);
        Target source = toLast(document, from);
        JsonValue value = read(source);
        if (from.equals(path)) {
            return document;
        }
        List<String> pathParts = parts(path);
        List<String> fromParts = parts(from);
        if (source.container() instanceof JsonObject && pathParts.size() >= fromParts.size()
                && pathParts.subList(0, fromParts.size()).equals(fromParts)) {
            throw new Problem("Cannot move values into their own children");
        }
        return add(remove(document, from), path, value);
    }

    private static JsonObject copy(JsonObject document, String path, JsonObject operation) {
        String from = requireFrom(operation);
        return add(document, path, read(toLast(document, from)));
    }

    private static JsonObject test(JsonObject document, String path, JsonObject operation) {
        Target target = toLast(document, path);
        JsonValue actual = walk(target.container(), target.part());
        JsonValue expected = requireValue(operation);
        if (!pythonEquals(actual, expected)) {
            throw new Problem(Python.str(actual) + " (" + pythonType(actual) + ") is not equal to tested value "
                    + Python.str(expected) + " (" + pythonType(expected) + ")");
        }
        return document;
    }

    private static JsonValue requireValue(JsonObject operation) {
        JsonValue value = operation.get("value");
        if (value == null) {
            throw new Problem("The operation does not contain a 'value' member");
        }
        return value;
    }

    private static String requireFrom(JsonObject operation) {
        if (!(operation.get("from") instanceof JsonString from)) {
            throw new Problem("The operation does not contain a 'from' member");
        }
        invalidPointer(from.getString()).ifPresent(message -> {
            throw new Problem(message);
        });
        return from.getString();
    }

    /** {@code subobj[part]} of move and copy: a missing member prints as Python's KeyError. */
    private static JsonValue read(Target source) {
        if (source.container() instanceof JsonArray array) {
            int index = source.part().equals("-") ? array.size() : position(source.part());
            if (index >= array.size()) {
                throw new Problem("list index out of range");
            }
            return array.get(index);
        }
        JsonValue value = source.container().asJsonObject().get(source.part());
        if (value == null) {
            throw new Problem(Python.reprString(source.part()));
        }
        return value;
    }

    private record Target(JsonValue container, String part) {
    }

    /** jsonpointer's {@code to_last}: walk every part but the last, then check the last fits the container. */
    private static Target toLast(JsonValue document, String pointer) {
        List<String> parts = parts(pointer);
        JsonValue container = document;
        for (String part : parts.subList(0, parts.size() - 1)) {
            container = walk(container, part);
        }
        String last = parts.get(parts.size() - 1);
        return new Target(container, index(container, last));
    }

    private static JsonValue walk(JsonValue document, String part) {
        String key = index(document, part);
        if (document instanceof JsonArray array) {
            int index = key.equals("-") ? array.size() : position(key);
            if (index >= array.size()) {
                throw new Problem("index '" + key + "' is out of bounds");
            }
            return array.get(index);
        }
        JsonValue value = document.asJsonObject().get(key);
        if (value == null) {
            throw new Problem("member '" + key + "' not found in " + Python.str(document));
        }
        return value;
    }

    /** jsonpointer's {@code get_part}: a key for objects, a decimal index (or {@code -}) for arrays. */
    private static String index(JsonValue document, String part) {
        if (document instanceof JsonObject) {
            return part;
        }
        if (document instanceof JsonArray) {
            if (part.equals("-")) {
                return part;
            }
            if (!ARRAY_INDEX.matcher(part).matches()) {
                throw new Problem("'" + part + "' is not a valid sequence index");
            }
            return part;
        }
        throw new Problem("Document '" + pythonType(document) + "' does not support indexing, must be "
                + "mapping/sequence or support __getitem__");
    }

    /** An array index; one too large for an int is past the end of any array. */
    private static int position(String index) {
        try {
            return Integer.parseInt(index);
        } catch (NumberFormatException tooLarge) {
            return Integer.MAX_VALUE;
        }
    }

    static List<String> parts(String pointer) {
        List<String> parts = new ArrayList<>();
        for (String part : pointer.substring(1).split("/", -1)) {
            parts.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }

    private static String pythonType(JsonValue value) {
        return "<class '" + switch (value.getValueType()) {
            case STRING -> "str";
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().scale() == 0 ? "int" : "float";
            case TRUE, FALSE -> "bool";
            case NULL -> "NoneType";
            case ARRAY -> "list";
            case OBJECT -> "dict";
        } + "'>";
    }

    /** Python's {@code ==} on decoded JSON: numbers and booleans compare by value ({@code True == 1 == 1.0}). */
    static boolean pythonEquals(JsonValue a, JsonValue b) {
        if (isNumeric(a) && isNumeric(b)) {
            return numeric(a).compareTo(numeric(b)) == 0;
        }
        if (a.getValueType() != b.getValueType()) {
            return false;
        }
        return switch (a.getValueType()) {
            case ARRAY -> {
                JsonArray left = a.asJsonArray();
                JsonArray right = b.asJsonArray();
                boolean same = left.size() == right.size();
                for (int i = 0; same && i < left.size(); i++) {
                    same = pythonEquals(left.get(i), right.get(i));
                }
                yield same;
            }
            case OBJECT -> {
                JsonObject left = a.asJsonObject();
                JsonObject right = b.asJsonObject();
                yield left.keySet().equals(right.keySet())
                        && left.keySet().stream().allMatch(key -> pythonEquals(left.get(key), right.get(key)));
            }
            default -> a.equals(b);
        };
    }

    private static boolean isNumeric(JsonValue value) {
        return value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE;
    }

    private static BigDecimal numeric(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        return value == JsonValue.TRUE ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    /** The operation cannot apply; the message is python-jsonpatch's. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
