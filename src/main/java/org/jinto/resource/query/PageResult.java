package org.jinto.resource.query;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * One page of a plural GET.
 *
 * @param objects  the objects to answer (at most the limit)
 * @param nextPage the {@code Next-Page} header value when more objects follow
 */
public record PageResult(List<JsonObject> objects, Optional<String> nextPage) {
}
