package org.jinto.storage.postgresql;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;

import java.util.List;
import java.util.Map;

/**
 * PostgreSQL text (and so JSONB) cannot hold the character U+0000, which JSON strings may. Strings are stored with
 * it escaped as U+0001 U+0002, and U+0001 itself as U+0001 U+0001; field names and values of queries are escaped
 * the same way, so that filters and sorting see what was stored. Strings without either character are untouched.
 */
final class NulEscape {

    private static final char NUL = '\u0000';
    private static final char ESCAPE = '\u0001';
    private static final char ESCAPED_NUL = '\u0002';

    private NulEscape() {
    }

    /** True when the JSON text (as Parsson or PostgreSQL write it) may hold a string to escape or unescape. */
    static boolean mayNeed(String jsonText) {
        return jsonText.contains("\\u0000") || jsonText.contains("\\u0001");
    }

    static String escape(String text) {
        if (text.indexOf(NUL) < 0 && text.indexOf(ESCAPE) < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == NUL) {
                escaped.append(ESCAPE).append(ESCAPED_NUL);
            } else if (c == ESCAPE) {
                escaped.append(ESCAPE).append(ESCAPE);
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String unescape(String text) {
        if (text.indexOf(ESCAPE) < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE && i + 1 < text.length()) {
                plain.append(text.charAt(++i) == ESCAPED_NUL ? NUL : ESCAPE);
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    static JsonObject escape(JsonObject object) {
        return mayNeed(object.toString()) ? map(object, true).asJsonObject() : object;
    }

    static JsonObject unescape(JsonObject object, String storedText) {
        return storedText.contains("\\u0001") ? map(object, false).asJsonObject() : object;
    }

    /** The query with its field names and values escaped as stored strings are. */
    static Query escape(Query query) {
        return new Query(escapeFilters(query.filters()), query.sorting().stream()
                .map(s -> new Sort(escape(s.field()), s.direction())).toList(),
                query.paginationRules().stream().map(NulEscape::escapeFilters).toList(),
                query.limit(), query.includeDeleted());
    }

    static List<Filter> escapeFilters(List<Filter> filters) {
        return filters.stream().map(f -> new Filter(escape(f.field()),
                f.value() == null ? null : map(f.value(), true), f.operator())).toList();
    }

    private static JsonValue map(JsonValue value, boolean escape) {
        switch (value.getValueType()) {
            case STRING -> {
                String text = ((JsonString) value).getString();
                return JSON.createValue(escape ? escape(text) : unescape(text));
            }
            case OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                    object.add(escape ? escape(entry.getKey()) : unescape(entry.getKey()), map(entry.getValue(), escape));
                }
                return object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (JsonValue item : (JsonArray) value) {
                    array.add(map(item, escape));
                }
                return array.build();
            }
            default -> {
                return value;
            }
        }
    }
}
