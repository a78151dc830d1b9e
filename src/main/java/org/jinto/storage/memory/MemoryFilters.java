package org.jinto.storage.memory;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Sort;
import org.jinto.storage.FieldPath;
import org.jinto.storage.JsonOrder;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Filters and sorting evaluated in memory with Kinto's memory backend semantics. */
final class MemoryFilters {

    private MemoryFilters() {
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
            right = jakarta.json.Json.createValue(right.toString());
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
