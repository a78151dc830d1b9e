package org.jinto.resource.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the validator's messages into python-jsonschema's errors: the failures inside an {@code anyOf}/{@code oneOf}
 * become one error about the alternative, unexpected properties are reported together, and the errors are ordered
 * as python-jsonschema finds them (schema order), so that the first is the one Kinto answers.
 */
final class SchemaErrors {

    private static final Set<String> ONE_STEP = Set.of("additionalProperties", "unevaluatedProperties",
            "additionalItems", "unevaluatedItems", "contains");
    private static final Set<String> NAMED = Set.of("properties", "patternProperties", "dependentSchemas",
            "dependencies", "definitions", "$defs");
    private static final Set<String> GROUPED = Set.of("additionalProperties", "unevaluatedProperties", "anyOf",
            "oneOf");

    private SchemaErrors() {
    }

    static Optional<SchemaError> first(Collection<ValidationMessage> messages, JsonNode schema, JsonNode document) {
        SchemaPositions positions = new SchemaPositions(schema);
        Map<String, SchemaError> errors = new LinkedHashMap<>();
        int sequence = 0;
        for (ValidationMessage message : messages) {
            SchemaError error = toError(message, positions, document);
            String key = GROUPED.contains(error.keyword())
                    ? error.keyword() + error.schemaPath() + error.instancePath() : Integer.toString(sequence++);
            errors.merge(key, error, SchemaErrors::together);
        }
        return errors.values().stream().min(Comparator
                .comparing(SchemaError::order, SchemaErrors::compareLists)
                .thenComparing(SchemaError::instancePath, SchemaErrors::compareLists));
    }

    private static SchemaError toError(ValidationMessage message, SchemaPositions positions, JsonNode document) {
        List<Object> evaluation = elements(message.getEvaluationPath());
        List<Object> location = elements(message.getInstanceLocation());
        for (int i = 0; i + 1 < evaluation.size(); i++) {
            Object step = evaluation.get(i);
            if ((step.equals("anyOf") || step.equals("oneOf")) && evaluation.get(i + 1) instanceof Integer) {
                List<Object> schemaPath = evaluation.subList(0, i + 1);
                List<Object> instancePath = location.subList(0, Math.min(location.size(),
                        instanceSteps(evaluation.subList(0, i))));
                return new SchemaError((String) step, positions.at(schemaPath), document.at(pointer(instancePath)),
                        List.copyOf(instancePath), List.copyOf(schemaPath), positions.order(schemaPath), List.of(),
                        message.getMessage());
            }
        }
        List<String> arguments = new ArrayList<>();
        if (message.getProperty() != null) {
            arguments.add(message.getProperty());
        }
        return new SchemaError(message.getType(), message.getSchemaNode(), message.getInstanceNode(), location,
                evaluation, positions.order(evaluation), arguments, withoutLocation(message));
    }

    private static SchemaError together(SchemaError first, SchemaError second) {
        Set<String> arguments = new TreeSet<>(first.arguments());
        arguments.addAll(second.arguments());
        return new SchemaError(first.keyword(), first.keywordValue(), first.instance(), first.instancePath(),
                first.schemaPath(), first.order(), List.copyOf(arguments), first.fallback());
    }

    /** How many steps into the document the keywords of an evaluation path take. */
    private static int instanceSteps(List<Object> evaluation) {
        int steps = 0;
        for (int i = 0; i < evaluation.size(); i++) {
            Object step = evaluation.get(i);
            if (NAMED.contains(step)) {
                if (step.equals("properties") || step.equals("patternProperties")) {
                    steps++;
                }
                i++;
            } else if (step.equals("items") || step.equals("prefixItems")) {
                steps++;
                if (i + 1 < evaluation.size() && evaluation.get(i + 1) instanceof Integer) {
                    i++;
                }
            } else if (ONE_STEP.contains(step)) {
                steps++;
            }
        }
        return steps;
    }

    private static List<Object> elements(JsonNodePath path) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        return elements;
    }

    private static String pointer(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object step : path) {
            pointer.append('/').append(step.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static String withoutLocation(ValidationMessage message) {
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        return colon >= 0 && text.startsWith("$") ? text.substring(colon + 2) : text;
    }

    private static int compareLists(List<?> a, List<?> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int order = x instanceof Integer i1 && y instanceof Integer i2 ? Integer.compare(i1, i2)
                    : x instanceof Integer ? -1 : y instanceof Integer ? 1 : x.toString().compareTo(y.toString());
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
