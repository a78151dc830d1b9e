package org.jinto.resource.query;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.resource.errors.Python;
import org.jinto.resource.query.ReservedParameter.Kind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query string as Kinto's {@code QuerySchema} deserializes it: every parameter read with {@code native_value}
 * ({@code in_}/{@code exclude_} as comma lists, {@code contains_} as lists), then the reserved parameters
 * ({@code _limit}, {@code _sort}, {@code _token}, {@code _since}, ...) validated and typed as its colander fields do,
 * every error reported at once.
 */
final class QueryValues {

    /** The reserved parameters of a plural endpoint, in the schema's order (the order of its errors). */
    static final List<ReservedParameter> PLURAL = List.of(
            new ReservedParameter("_limit", Kind.INTEGER), new ReservedParameter("_sort", Kind.FIELD_LIST),
            new ReservedParameter("_token", Kind.STRING), new ReservedParameter("_since", Kind.INTEGER),
            new ReservedParameter("_to", Kind.INTEGER), new ReservedParameter("_before", Kind.INTEGER),
            new ReservedParameter("id", Kind.STRING), new ReservedParameter("last_modified", Kind.INTEGER));
    static final ReservedParameter FIELDS = new ReservedParameter("_fields", Kind.FIELD_LIST);

    /** Kinto's {@code positive_big_integer}: PostgreSQL's largest integer. */
    private static final BigInteger MAX_INTEGER = BigInteger.TWO.pow(63);
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d+(_\\d+)*", Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, JsonValue> values;

    private QueryValues(Map<String, JsonValue> values) {
        this.values = values;
    }

    /** @throws org.jinto.api.http.KintoException 400 listing every invalid reserved parameter */
    static QueryValues read(QueryString query, List<ReservedParameter> schema) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (String name : query.names()) {
            values.put(name, nativeValue(name, query.mixed(name)));
        }
        List<ErrorDetail> errors = new ArrayList<>();
        for (ReservedParameter parameter : schema) {
            JsonValue given = query.mixed(parameter.name());
            if (given == null) {
                continue;
            }
            try {
                JsonValue typed = switch (parameter.kind()) {
                    case INTEGER -> integer(NativeValue.of(given));
                    case STRING -> string(NativeValue.of(given), parameter.name());
                    case FIELD_LIST -> fieldList(given);
                };
                if (typed != null) {
                    values.put(parameter.name(), typed);
                }
            } catch (Invalid invalid) {
                errors.add(ErrorDetail.of("querystring", parameter.name(), invalid.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidParameters.of(errors);
        }
        return new QueryValues(Collections.unmodifiableMap(values));
    }

    Map<String, JsonValue> all() {
        return values;
    }

    JsonValue get(String name) {
        return values.get(name);
    }

    private static JsonValue nativeValue(String name, JsonValue given) {
        if (name.startsWith("contains_")) {
            JsonValue value = NativeValue.of(given);
            return value instanceof JsonArray ? value : JSON.createArrayBuilder().add(value).build();
        }
        if (name.startsWith("in_") || name.startsWith("exclude_")) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            fieldList(given).forEach(item -> list.add(NativeValue.of(((JsonString) item).getString())));
            return list.build();
        }
        return NativeValue.of(given);
    }

    /** colander's Integer (Python {@code int()}) with Kinto's range 0..2**63; null when dropped. */
    private static JsonValue integer(JsonValue value) {
        if (isEmpty(value)) {
            return null;
        }
        BigInteger number = pythonInt(value);
        if (number == null) {
            throw new Invalid("\"" + Python.str(value) + "\" is not a number");
        }
        if (number.signum() < 0) {
            throw new Invalid(number + " is less than minimum value 0");
        }
        if (number.compareTo(MAX_INTEGER) > 0) {
            throw new Invalid(number + " is greater than maximum value " + MAX_INTEGER);
        }
        return JSON.createValue(number);
    }

    /** colander drops None, "" and empty containers before converting a number (but not False or 0). */
    private static boolean isEmpty(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> true;
            case STRING -> ((JsonString) value).getString().isEmpty();
            case ARRAY -> value.asJsonArray().isEmpty();
            case OBJECT -> value.asJsonObject().isEmpty();
            default -> false;
        };
    }

    private static BigInteger pythonInt(JsonValue value) {
        switch (value.getValueType()) {
            case TRUE:
                return BigInteger.ONE;
            case FALSE:
                return BigInteger.ZERO;
            case NUMBER:
                BigDecimal decimal = ((JsonNumber) value).bigDecimalValue();
                return decimal.scale() == 0 ? decimal.toBigIntegerExact()
                        : BigDecimal.valueOf(decimal.doubleValue()).toBigInteger();
            case STRING:
                String text = ((JsonString) value).getString().strip();
                return PYTHON_INT.matcher(text).matches() ? new BigInteger(text.replace("_", "")) : null;
            default:
                return null;
        }
    }

    /** colander's String: falsy values are dropped, other non-strings refused. */
    private static JsonValue string(JsonValue value, String name) {
        if (!Python.truthy(value)) {
            return null;
        }
        if (value instanceof JsonString) {
            return value;
        }
        throw new Invalid(Python.str(value) + " is not a string: {" + Python.reprString(name) + ": ''}");
    }

    /** Kinto's FieldList: a comma-separated string (or repeated parameter), empty items dropped. */
    private static JsonArray fieldList(JsonValue given) {
        List<String> items = given instanceof JsonString string
                ? List.of(string.getString().split(",", -1))
                : given.asJsonArray().getValuesAs(JsonString::getString);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        items.stream().filter(item -> !item.isEmpty()).forEach(list::add);
        return list.build();
    }

    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
