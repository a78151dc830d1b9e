/**
 * JSON Schema checks ({@code kinto.experimental_collection_schema_validation}).
 * {@link org.jinto.resource.schema.JsonSchemas#checkSchema} checks a schema written in an object
 * ({@code data.schema} of collections, {@code data.record:schema}, {@code data.collection:schema},
 * {@code data.group:schema} of buckets) whatever the setting; {@link org.jinto.resource.schema.SchemaValidation}
 * validates records (collection then bucket schema, and sets the record's {@code schema} version) and collections or
 * groups (bucket schema) when the setting is on. Create one {@code JsonSchemas} per application (it caches schemas).
 */
package org.jinto.resource.schema;
