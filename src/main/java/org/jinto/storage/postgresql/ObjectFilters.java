package org.jinto.storage.postgresql;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Sort;
import org.jinto.storage.JsonOrder;
import org.jinto.database.Sql;

import java.util.List;
import java.util.function.Consumer;

/**
 * Kinto's filters, keyset pagination rules and sorting as SQL on the {@code objects} table, with the memory
 * backend's semantics: a missing field is SQL NULL and sorts after every value (PostgreSQL's JSONB order is
 * Kinto's: null &lt; string &lt; number &lt; boolean &lt; array &lt; object, except that an empty array sorts
 * before null, which the type rank in front corrects), a Java null filter value is Kinto's
 * MISSING (pagination on a field some objects lack). Field names and values are always bound parameters.
 * Conditions on object fields are evaluated on the collection's rows, never as containment ({@code data @> ...}):
 * the planner would intersect that with a table-wide GIN index, whose cost depends on the other collections (a
 * value common in a large one made a list of 1,000 objects read 100,000 index entries); migration V5 dropped it.
 */
final class ObjectFilters {

    private static final String ID = "id";
    private static final String LAST_MODIFIED = "last_modified";

    private ObjectFilters() {
    }

    /** Appends {@code AND <condition>} for every filter. */
    static void where(Sql sql, List<Filter> filters) {
        for (Filter filter : filters) {
            sql.add(" AND ");
            condition(sql, filter);
        }
    }

    /** Appends {@code AND (rule OR rule ...)}, each rule a conjunction; nothing when there are no rules. */
    static void paginate(Sql sql, List<List<Filter>> rules) {
        if (rules.isEmpty()) {
            return;
        }
        sql.add(" AND (FALSE");
        for (List<Filter> rule : rules) {
            sql.add(" OR (TRUE");
            where(sql, rule);
            sql.add(")");
        }
        sql.add(")");
    }

    static void orderBy(Sql sql, List<Sort> sorting) {
        String separator = " ORDER BY ";
        for (Sort sort : sorting) {
            sql.add(separator);
            switch (sort.field()) {
                case ID -> sql.add("id");
                case LAST_MODIFIED -> sql.add("last_modified");
                default -> {
                    // Type first: JSONB puts an empty top-level array before null, Kinto's order does not.
                    rank(sql, s -> dataField(s, sort.field()));
                    sql.add(sort.direction() < 0 ? " DESC, " : " ASC, ");
                    dataField(sql, sort.field());
                }
            }
            sql.add(sort.direction() < 0 ? " DESC" : " ASC");
            separator = ", ";
        }
    }

    static void condition(Sql sql, Filter filter) {
        if (filter.value() == null) {
            missing(sql, filter);
            return;
        }
        switch (filter.field()) {
            case ID -> idCondition(sql, filter);
            case LAST_MODIFIED -> lastModifiedCondition(sql, filter);
            default -> generic(sql, json(filter.field()), filter);
        }
    }

    /** The id column serves string comparisons directly (it sorts by code point, as Java strings do). */
    private static void idCondition(Sql sql, Filter filter) {
        JsonValue value = filter.value();
        if (value instanceof JsonNumber number) {
            value = JSON.createValue(number.toString());
        }
        Operator operator = filter.operator();
        if (value instanceof JsonString string && comparison(operator) != null) {
            sql.add("id " + comparison(operator) + " ").param(string.getString());
        } else if (value instanceof JsonString string && operator == Operator.LIKE) {
            sql.add("id ILIKE ").param(likePattern(string.getString())).add(" ESCAPE '\\'");
        } else if (value instanceof JsonArray values && (operator == Operator.IN || operator == Operator.EXCLUDE)) {
            // Only strings can equal a string id.
            String[] ids = values.stream().filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString()).toArray(String[]::new);
            sql.add(operator == Operator.IN ? "id = ANY(" : "NOT (id = ANY(").param(ids)
                    .add(operator == Operator.IN ? ")" : "))");
        } else {
            generic(sql, json(ID), new Filter(ID, value, operator));
        }
    }

    /** The last_modified column (a BIGINT) serves comparisons with whole numbers through its index. */
    private static void lastModifiedCondition(Sql sql, Filter filter) {
        Long whole = wholeNumber(filter.value());
        String comparison = comparison(filter.operator());
        if (whole != null && comparison != null) {
            sql.add("last_modified " + comparison + " ").param(whole);
        } else {
            generic(sql, json(LAST_MODIFIED), filter);
        }
    }

    /**
     * Kinto's MISSING, the value of a pagination rule after an object lacking the field: it sorts after every
     * value and equals only a missing field.
     */
    private static void missing(Sql sql, Filter filter) {
        switch (filter.operator()) {
            case EQ, MIN -> isNull(sql, json(filter.field()), true);
            case LT -> isNull(sql, json(filter.field()), false);
            case MAX -> sql.add("TRUE");
            default -> sql.add("FALSE");
        }
    }

    /** The JSONB value of any field, SQL NULL when missing. */
    private static Consumer<Sql> json(String field) {
        return switch (field) {
            case ID -> s -> s.add("to_jsonb(id)");
            case LAST_MODIFIED -> s -> s.add("to_jsonb(last_modified)");
            default -> s -> dataField(s, field);
        };
    }

    /** The JSONB value of a field of {@code data}, SQL NULL when missing. */
    static void dataField(Sql sql, String field) {
        if (field.contains(".")) {
            sql.add("jinto_field(data, ").param(field).add(")");
        } else {
            sql.add("(data -> ").param(field).add(")");
        }
    }

    /** Any operator and (present) value on any JSONB expression, exactly as the memory backend compares. */
    private static void generic(Sql sql, Consumer<Sql> field, Filter filter) {
        JsonValue value = filter.value();
        switch (filter.operator()) {
            case EQ -> compare(sql, field, "=", value);
            case NOT -> {
                sql.add("(");
                isNull(sql, field, true);
                sql.add(" OR ");
                compare(sql, field, "<>", value);
                sql.add(")");
            }
            case LT, MAX -> compareOrdered(sql, field, comparison(filter.operator()), value);
            case GT, MIN -> {
                // A missing field sorts after every value.
                sql.add("(");
                isNull(sql, field, true);
                sql.add(" OR ");
                compareOrdered(sql, field, comparison(filter.operator()), value);
                sql.add(")");
            }
            case IN -> {
                if (value instanceof JsonArray) {
                    field.accept(sql);
                    sql.add(" IN (SELECT jsonb_array_elements(").json(value).add("))");
                } else {
                    sql.add("FALSE");
                }
            }
            case EXCLUDE -> {
                if (value instanceof JsonArray) {
                    sql.add("(");
                    isNull(sql, field, true);
                    sql.add(" OR ");
                    field.accept(sql);
                    sql.add(" NOT IN (SELECT jsonb_array_elements(").json(value).add(")))");
                } else {
                    sql.add("TRUE");
                }
            }
            case LIKE -> {
                if (value instanceof JsonString term) {
                    sql.add("(jsonb_typeof(");
                    field.accept(sql);
                    sql.add(") = 'string' AND (");
                    field.accept(sql);
                    sql.add(" #>> '{}') ILIKE ").param(likePattern(term.getString())).add(" ESCAPE '\\')");
                } else {
                    sql.add("FALSE");
                }
            }
            case HAS -> isNull(sql, field, value != JsonValue.TRUE);
            case CONTAINS -> arrayTerms(sql, field, value, "NOT EXISTS", "NOT IN");
            case CONTAINS_ANY -> arrayTerms(sql, field, value, "EXISTS", "IN");
        }
    }

    /**
     * CONTAINS (no term missing from the field's array) and CONTAINS_ANY (some term in it), comparing whole
     * values; CASE keeps jsonb_array_elements away from fields that are not arrays.
     */
    private static void arrayTerms(Sql sql, Consumer<Sql> field, JsonValue value, String quantifier, String membership) {
        if (!(value instanceof JsonArray)) {
            sql.add("FALSE");
            return;
        }
        sql.add("CASE WHEN jsonb_typeof(");
        field.accept(sql);
        sql.add(") = 'array' THEN " + quantifier + " (SELECT 1 FROM jsonb_array_elements(").json(value)
                .add(") AS term(value) WHERE term.value " + membership + " (SELECT jsonb_array_elements(");
        field.accept(sql);
        sql.add("))) ELSE FALSE END");
    }

    private static void compare(Sql sql, Consumer<Sql> field, String comparison, JsonValue value) {
        field.accept(sql);
        sql.add(" " + comparison + " ").json(value);
    }

    /** Orders by type rank, then by value: {@code (rank(field), field) < (rank, value)}. */
    private static void compareOrdered(Sql sql, Consumer<Sql> field, String comparison, JsonValue value) {
        sql.add("(");
        rank(sql, field);
        sql.add(", ");
        field.accept(sql);
        sql.add(") " + comparison + " (").param(JsonOrder.rank(value)).add(", ").json(value).add(")");
    }

    /** Kinto's rank of a JSON type (null, string, number, boolean, array, object); SQL NULL when missing. */
    private static void rank(Sql sql, Consumer<Sql> field) {
        sql.add("CASE jsonb_typeof(");
        field.accept(sql);
        sql.add(") WHEN 'null' THEN 0 WHEN 'string' THEN 1 WHEN 'number' THEN 2 WHEN 'boolean' THEN 3"
                + " WHEN 'array' THEN 4 WHEN 'object' THEN 5 END");
    }

    private static void isNull(Sql sql, Consumer<Sql> field, boolean missing) {
        field.accept(sql);
        sql.add(missing ? " IS NULL" : " IS NOT NULL");
    }

    /** The SQL comparison of an operator that compares one value, or null. */
    private static String comparison(Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NOT -> "<>";
            case LT -> "<";
            case MAX -> "<=";
            case GT -> ">";
            case MIN -> ">=";
            default -> null;
        };
    }

    /** Kinto's LIKE: {@code *} is any text, other characters are literal, no wildcard means "contains". */
    static String likePattern(String term) {
        return Sql.wildcard(term.contains("*") ? term : "*" + term + "*");
    }

    private static Long wholeNumber(JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            return null;
        }
        try {
            return number.bigDecimalValue().stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
