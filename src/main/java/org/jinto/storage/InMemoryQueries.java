package org.jinto.storage;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.storage.FieldPath;
import org.jinto.storage.JsonOrder;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Filters, sorting and pagination evaluated in memory with Kinto's memory backend semantics; also used for lists
 * computed rather than stored (as Kinto's permissions endpoint uses its memory backend's {@code extract_object_set}).
 */
public final class InMemoryQueries {

    private InMemoryQueries() {
    }

    /** The objects a query selects: Kinto's {@code extract_object_set}. */
    public static List<JsonObject> select(Collection<JsonObject> objects, Query query) {
        return extract(objects.stream(), Function.identity(), query).toList();
    }

    /** Kinto's extract_object_set over items holding objects: filters, then pagination rules (any), then sorting,
     *  then the limit. */
    public static <T> Stream<T> extract(Stream<T> items, Function<T, JsonObject> object, Query query) {
        Comparator<JsonObject> ordering = comparator(query.sorting());
        Stream<T> selected = items
                .filter(i -> matchesAll(object.apply(i), query.filters()))
                .filter(i -> query.paginationRules().isEmpty()
                        || query.paginationRules().stream().anyMatch(rule -> matchesAll(object.apply(i), rule)))
                .sorted((a, b) -> ordering.compare(object.apply(a), object.apply(b)));
        return query.limit() != null ? selected.limit(query.limit()) : selected;
    }

    static boolean matchesAll(JsonObject object, List<Filter> filters) {
        for (Filter filter : filters) {
            if (!matches(object, filter)) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(JsonObject object, Filter filter) {
        JsonValue left = FieldPath.find(object, filter.field());
        JsonValue right = filter.value();
        if (right == null) {
            // Kinto's MISSING (pagination after an object lacking the field) ranks after every value.
            return switch (filter.operator()) {
                case EQ, MIN -> left == null;
                case LT -> left != null;
                case MAX -> true;
                default -> false;
            };
        }
        if ("id".equals(filter.field()) && right.getValueType() == JsonValue.ValueType.NUMBER) {
            right = JSON.createValue(right.toString());
        }
        return switch (filter.operator()) {
            case EQ -> JsonOrder.equal(left, right);
            case NOT -> !JsonOrder.equal(left, right);
            case LT -> JsonOrder.compare(left, right) < 0;
            case MAX -> JsonOrder.compare(left, right) <= 0;
            case GT -> JsonOrder.compare(left, right) > 0;
            case MIN -> JsonOrder.compare(left, right) >= 0;
            case IN -> contains(right, left);
            case EXCLUDE -> !contains(right, left);
            case LIKE -> like(left, right);
            case HAS -> (right == JsonValue.TRUE) == (left != null);
            case CONTAINS -> left instanceof JsonArray values && right instanceof JsonArray terms
                    && terms.stream().allMatch(t -> contains(values, t));
            case CONTAINS_ANY -> left instanceof JsonArray values && right instanceof JsonArray terms
                    && terms.stream().anyMatch(t -> contains(values, t));
        };
    }

    private static boolean contains(JsonValue list, JsonValue value) {
        return value != null && list instanceof JsonArray array && array.stream().anyMatch(v -> JsonOrder.equal(v, value));
    }

    private static boolean like(JsonValue left, JsonValue right) {
        if (!(left instanceof JsonString value) || !(right instanceof JsonString term)) {
            return false;
        }
        String pattern = term.getString();
        if (!pattern.contains("*")) {
            pattern = "*" + pattern + "*";
        }
        StringBuilder regex = new StringBuilder("^");
        for (String part : pattern.split("\\*", -1)) {
            regex.append(Pattern.quote(part)).append(".*");
        }
        regex.setLength(regex.length() - 2);
        regex.append("$");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value.getString()).find();
    }

    static Comparator<JsonObject> comparator(List<Sort> sorting) {
        Comparator<JsonObject> result = (a, b) -> 0;
        for (Sort sort : sorting) {
            Comparator<JsonObject> key = (a, b) -> JsonOrder.compare(FieldPath.find(a, sort.field()), FieldPath.find(b, sort.field()));
            result = result.thenComparing(sort.direction() < 0 ? key.reversed() : key);
        }
        return result;
    }
}
