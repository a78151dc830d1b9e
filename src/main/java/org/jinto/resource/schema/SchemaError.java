package org.jinto.resource.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One failed assertion, in the terms python-jsonschema uses for its {@code ValidationError}.
 *
 * @param keyword        the failing keyword ({@code type}, {@code required}, {@code anyOf}...)
 * @param keywordValue   the keyword's value in the schema ({@code validator_value})
 * @param instance       the value that failed
 * @param instancePath   where that value is in the document: property names and array indexes ({@code path})
 * @param schemaPath     where the keyword is in the schema, {@code $ref} steps included
 * @param order          sort key giving python-jsonschema's order of errors (its first error is Kinto's answer)
 * @param arguments      the keyword's own details: the missing property of {@code required}, the unexpected ones of
 *                       {@code additionalProperties}
 * @param fallback       the validator's message, for keywords without a Python wording here
 */
record SchemaError(String keyword, JsonNode keywordValue, JsonNode instance, List<Object> instancePath,
                   List<Object> schemaPath, List<Integer> order, List<String> arguments, String fallback) {
}
