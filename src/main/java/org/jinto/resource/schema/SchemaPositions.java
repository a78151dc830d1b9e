package org.jinto.resource.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Walks a schema along an evaluation path ({@code properties, title, type}), following local {@code $ref}s.
 * python-jsonschema checks keywords in the order the schema writes them, so the position of each step is the
 * order in which it would report errors.
 */
final class SchemaPositions {

    private final JsonNode root;

    SchemaPositions(JsonNode root) {
        this.root = root;
    }

    /** The index of each step among its siblings (the order python-jsonschema visits them). */
    List<Integer> order(List<Object> path) {
        List<Integer> order = new ArrayList<>();
        walk(path, order);
        return order;
    }

    /** The schema node at the end of the path (missing when the path leaves the schema). */
    JsonNode at(List<Object> path) {
        return walk(path, new ArrayList<>());
    }

    private JsonNode walk(List<Object> path, List<Integer> order) {
        JsonNode node = root;
        for (Object step : path) {
            if (node.isArray() && step instanceof Integer index) {
                order.add(index);
                node = node.path(index);
            } else if (node.isObject() && step instanceof String name) {
                order.add(position(node, name));
                node = name.equals("$ref") && node.path("$ref").isTextual() ? resolve(node.get("$ref").asText())
                        : node.path(name);
            } else {
                order.add(0);
                node = MissingNode.getInstance();
            }
        }
        return node;
    }

    private JsonNode resolve(String reference) {
        try {
            return reference.startsWith("#") ? root.at(reference.substring(1)) : MissingNode.getInstance();
        } catch (IllegalArgumentException notAPointer) {
            return MissingNode.getInstance();
        }
    }

    private static int position(JsonNode object, String name) {
        int position = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); position++) {
            if (names.next().equals(name)) {
                return position;
            }
        }
        return position;
    }
}
