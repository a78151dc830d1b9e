package org.jinto.resource;

import jakarta.json.Json;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The synchronisation parameters of plural endpoints: {@code _since} (strictly newer), {@code _before} and its
 * deprecated alias {@code _to} (strictly older), each a timestamp, quoted or not (an ETag value works).
 */
final class TimestampFilters {

    static final String TO_DEPRECATED_ALERT = "{\"code\": \"soft-eol\", \"message\": \"_to is now deprecated, you should use"
            + " _before instead\", \"url\": \"https://kinto.readthedocs.io/en/2.4.0/api/resource.html"
            + "#list-of-available-url-parameters\"}";

    private TimestampFilters() {
    }

    static List<Filter> of(ApiRequest request) {
        InvalidRequest errors = new InvalidRequest();
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, Operator> parameter : Map.of("_since", Operator.GT, "_before", Operator.LT,
                "_to", Operator.LT).entrySet()) {
            request.queryParam(parameter.getKey()).ifPresent(raw -> {
                Long value = timestamp(parameter.getKey(), raw, errors);
                if (value != null) {
                    filters.add(new Filter("last_modified", Json.createValue(value), parameter.getValue()));
                }
            });
        }
        errors.throwIfAny();
        return filters;
    }

    private static Long timestamp(String name, String raw, InvalidRequest errors) {
        String value = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
                ? raw.substring(1, raw.length() - 1) : raw;
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                errors.add("querystring", name, parsed + " is less than minimum value 0");
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.add("querystring", name, "\"" + value + "\" is not a number");
            return null;
        }
    }
}
