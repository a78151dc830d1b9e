package org.jinto.resource.query;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Sort;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.resource.errors.Python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query string of a plural request as Kinto 25's {@code Resource} does ({@code _extract_filters},
 * {@code _extract_limit}, {@code _extract_sorting}, {@code _extract_partial_fields}), with its errors: 400 errno 107
 * with Kinto's {@code details} and message.
 * <p>
 * Two rules are stricter than Kinto, so that every storage backend gets comparable values: a filter on
 * {@code last_modified} (including {@code _since}, {@code _before}, {@code _to}) needs integers, and no string of a
 * filter value may hold a NUL character.
 */
public final class ListRequestParser {

    private static final String ID = "id";
    private static final String MODIFIED = "last_modified";
    private static final Set<Operator> LIST_OPERATORS =
            Set.of(Operator.IN, Operator.EXCLUDE, Operator.CONTAINS, Operator.CONTAINS_ANY);
    private static final Set<String> TIME_PARAMETERS = Set.of("_since", "_to", "_before");
    private static final Pattern FILTER = Pattern.compile(
            "^(lt|min|max|not|eq|gt|in|exclude|like|has|contains_any|contains)_([\\w.]+)$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SORT = Pattern.compile("^([-+]?)([\\w.]+)$", Pattern.UNICODE_CHARACTER_CLASS);
    static final String TO_DEPRECATED_ALERT = JSON.createObjectBuilder()
            .add("code", "soft-eol")
            .add("message", "_to is now deprecated, you should use _before instead")
            .add("url", "https://kinto.readthedocs.io/en/2.4.0/api/resource.html#list-of-available-url-parameters")
            .build().toString();

    private final ListOptions options;

    public ListRequestParser(ListOptions options) {
        this.options = options;
    }

    /** GET or HEAD on a plural endpoint: filters, {@code _limit}, {@code _sort}, {@code _fields}, {@code _token}. */
    public ListRequest forGet(QueryString query) {
        return parse(query, true);
    }

    /** DELETE on a plural endpoint: as {@link #forGet} without {@code _fields}. */
    public ListRequest forDelete(QueryString query) {
        return parse(query, false);
    }

    /** GET on one object: its {@code _fields} (without {@code id}/{@code last_modified}), or null for all. */
    public List<String> fieldsForObject(QueryString query) {
        return fields(QueryValues.read(query, objectParameters()));
    }

    /** The reserved parameters of a plural endpoint: those of a GET ({@code withFields}) or of a DELETE. */
    public static List<ReservedParameter> pluralParameters(boolean withFields) {
        List<ReservedParameter> schema = new ArrayList<>(QueryValues.PLURAL);
        if (withFields) {
            schema.add(QueryValues.FIELDS);
        }
        return List.copyOf(schema);
    }

    /** The reserved parameters of a GET on one object. */
    public static List<ReservedParameter> objectParameters() {
        return List.of(QueryValues.FIELDS);
    }

    private ListRequest parse(QueryString query, boolean withFields) {
        QueryValues values = QueryValues.read(query, pluralParameters(withFields));
        List<String> alerts = new ArrayList<>();
        List<Filter> filters = filters(values, alerts);
        int limit = limit(values);
        List<Sort> sorting = sorting(values);
        List<String> fields = withFields ? fields(values) : null;
        JsonValue token = values.get("_token");
        boolean includeDeleted = filters.stream().anyMatch(filter -> filter.field().equals(MODIFIED));
        return new ListRequest(List.copyOf(filters), List.copyOf(sorting), limit, fields,
                token instanceof JsonString string && !string.getString().isEmpty() ? string.getString() : null,
                includeDeleted, alerts.stream().findFirst());
    }

    private List<Filter> filters(QueryValues values, List<String> alerts) {
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : values.all().entrySet()) {
            String parameter = entry.getKey().strip();
            JsonValue value = entry.getValue();
            if (TIME_PARAMETERS.contains(parameter)) {
                if (parameter.equals("_to")) {
                    alerts.add(TO_DEPRECATED_ALERT);
                }
                if (!isInteger(value)) {
                    throw invalidValue(parameter);
                }
                filters.add(new Filter(MODIFIED, value, parameter.equals("_since") ? Operator.GT : Operator.LT));
                continue;
            }
            if (parameter.startsWith("_")) {
                continue;
            }
            filters.add(filter(parameter, value));
        }
        return filters;
    }

    private Filter filter(String parameter, JsonValue value) {
        Operator operator = Operator.EQ;
        String field = parameter;
        Matcher prefixed = FILTER.matcher(parameter);
        if (prefixed.matches()) {
            operator = Operator.valueOf(prefixed.group(1).toUpperCase(Locale.ROOT));
            field = prefixed.group(2);
        }
        if (!options.isKnown(field)) {
            throw InvalidParameters.of("querystring", parameter, "Unknown filter field '" + parameter + "'");
        }
        if (operator == Operator.LIKE && !(value instanceof JsonString)) {
            throw invalidValue(parameter);
        }
        if (LIST_OPERATORS.contains(operator) && !(value instanceof JsonArray)) {
            // A padded name (" in_id") escaped the list reading; the storage contract wants a list.
            value = JSON.createArrayBuilder().add(value).build();
        }
        if (operator == Operator.IN || operator == Operator.EXCLUDE) {
            JsonArray list = value.asJsonArray();
            boolean invalid = (field.equals(ID) && !list.stream().allMatch(JsonString.class::isInstance))
                    || (field.equals(MODIFIED) && !list.stream().allMatch(ListRequestParser::isInteger));
            if (invalid) {
                throw invalidValue(parameter);
            }
        }
        if (field.indexOf('\0') >= 0 || containsNul(value)) {
            throw InvalidParameters.of("querystring", parameter, "Invalid character 0x00");
        }
        if (field.equals(MODIFIED) && operator != Operator.HAS && operator != Operator.IN
                && operator != Operator.EXCLUDE && !isInteger(value)) {
            throw invalidValue(parameter);
        }
        if (operator == Operator.HAS) {
            value = Python.truthy(value) ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return new Filter(field, value, operator);
    }

    private static boolean isInteger(JsonValue value) {
        return value instanceof JsonNumber number && number.isIntegral();
    }

    private static boolean containsNul(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().indexOf('\0') >= 0;
            case ARRAY -> value.asJsonArray().stream().anyMatch(ListRequestParser::containsNul);
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .anyMatch(member -> member.getKey().indexOf('\0') >= 0 || containsNul(member.getValue()));
            default -> false;
        };
    }

    private static RuntimeException invalidValue(String parameter) {
        return InvalidParameters.of("querystring", parameter, "Invalid value for " + parameter);
    }

    /** {@code _limit} when given (a falsy value means "as many as allowed"), else {@code paginate_by}. */
    private int limit(QueryValues values) {
        JsonValue given = values.all().containsKey("_limit") ? values.get("_limit")
                : options.paginateBy() == null ? JsonValue.NULL : JSON.createValue(options.paginateBy());
        if (!Python.truthy(given)) {
            return options.maxFetchSize();
        }
        BigInteger limit = ((JsonNumber) given).bigIntegerValue();
        if (options.paginateBy() != null) {
            limit = limit.min(BigInteger.valueOf(options.paginateBy()));
        }
        return limit.min(BigInteger.valueOf(options.maxFetchSize())).intValueExact();
    }

    private List<Sort> sorting(QueryValues values) {
        List<String> specified = strings(values.get("_sort"));
        List<Sort> sorting = new ArrayList<>();
        for (String given : specified) {
            Matcher key = SORT.matcher(given.strip());
            if (!key.matches()) {
                continue;
            }
            String field = key.group(2);
            if (!options.isKnown(field)) {
                throw InvalidParameters.of("querystring", null, "Unknown sort field '" + field + "'");
            }
            sorting.add(new Sort(field, key.group(1).equals("-") ? -1 : 1));
        }
        if (!specified.contains(MODIFIED)) {
            // Kinto always ends with the timestamp, newest first, so that pagination is stable.
            sorting.add(new Sort(MODIFIED, -1));
        }
        return sorting;
    }

    private List<String> fields(QueryValues values) {
        List<String> fields = strings(values.get("_fields"));
        if (fields.isEmpty()) {
            return null;
        }
        Set<String> unknown = new LinkedHashSet<>();
        fields.stream().map(field -> field.split("\\.", 2)[0])
                .filter(root -> !options.isKnown(root))
                .forEach(unknown::add);
        if (!unknown.isEmpty()) {
            // Kinto reports this one at location "body" (raise_invalid's default).
            throw InvalidParameters.of("body", "Invalid _fields parameter",
                    "Fields " + String.join(",", unknown) + " do not exist");
        }
        return List.copyOf(fields);
    }

    private static List<String> strings(JsonValue list) {
        return list instanceof JsonArray array ? array.getValuesAs(JsonString::getString) : List.of();
    }
}
