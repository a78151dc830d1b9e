package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cross-origin resource sharing as Kinto's services answer it (cornice): the allowed origin from
 * {@code kinto.cors_origins}, the headers exposed per endpoint and method, and the preflight ({@code OPTIONS})
 * answer with allowed methods, headers and {@code kinto.cors_max_age_seconds}.
 */
@ApplicationScoped
public class Cors {

    /** Exposed by every Kinto service. */
    public static final List<String> DEFAULT_EXPOSED = List.of("Alert", "Retry-After", "Content-Length", "Content-Type", "Backoff");
    private static final List<String> READ_EXPOSED = List.of("Last-Modified", "ETag", "Cache-Control", "Expires", "Pragma");
    private static final List<String> COUNT_EXPOSED = List.of("Total-Objects", "Total-Records");
    private static final String NEXT_PAGE = "Next-Page";

    @Inject
    Settings settings;

    /** The headers a response of this endpoint kind and method exposes. */
    public static List<String> exposed(boolean plural, String method) {
        List<String> headers = new ArrayList<>(DEFAULT_EXPOSED);
        if ("GET".equals(method) || "HEAD".equals(method)) {
            headers.addAll(READ_EXPOSED);
            if (plural) {
                headers.add(NEXT_PAGE);
            }
            if (plural && "HEAD".equals(method)) {
                headers.addAll(COUNT_EXPOSED);
            }
        }
        return headers;
    }

    /** Every header any method of the endpoint exposes: what a preflight allows. */
    public static Set<String> exposedByEndpoint(boolean plural, List<String> methods) {
        Set<String> headers = new LinkedHashSet<>();
        methods.forEach(m -> headers.addAll(exposed(plural, m)));
        return headers;
    }

    /** The {@code Access-Control-Allow-Origin} value for a request origin, empty if not allowed (or no origin). */
    public Optional<String> allowedOrigin(Optional<String> origin) {
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        List<String> allowed = origins();
        if (allowed.stream().noneMatch(pattern -> glob(pattern).matcher(origin.get()).matches())) {
            return Optional.empty();
        }
        return Optional.of(allowed.contains("*") ? "*" : origin.get());
    }

    /** Adds the origin and exposed headers of a response. */
    public void decorate(ApiRequest request, ApiResponse response, List<String> exposed) {
        allowedOrigin(request.header("Origin")).ifPresent(o -> response.header("Access-Control-Allow-Origin", o));
        response.headerIfAbsent("Access-Control-Expose-Headers", String.join(", ", exposed));
    }

    /**
     * The answer to a preflight request on an endpoint serving {@code methods}: 200 with the allowed methods and
     * headers, or 400 when {@code Origin} or {@code Access-Control-Request-Method} is missing or not allowed.
     */
    public ApiResponse preflight(ApiRequest request, List<String> methods, Set<String> exposedHeaders) {
        Optional<String> origin = request.header("Origin");
        String requestedMethod = request.header("Access-Control-Request-Method").orElse(null);
        List<ErrorDetail> errors = new ArrayList<>();
        if (origin.isEmpty()) {
            errors.add(ErrorDetail.of("header", "Origin", "this header is mandatory"));
        } else if (allowedOrigin(origin).isEmpty()) {
            errors.add(ErrorDetail.of("header", "Origin", origin.get() + " not allowed"));
        }
        if (requestedMethod == null) {
            errors.add(ErrorDetail.of("header", "Access-Control-Request-Method", "this header is mandatory"));
        } else if (!methods.contains(requestedMethod)) {
            errors.add(ErrorDetail.of("header", "Access-Control-Request-Method", "Method not allowed"));
        }
        ApiResponse response;
        if (!errors.isEmpty()) {
            response = ErrorsAsResponses.of(InvalidParameters.of(errors));
        } else {
            Set<String> allowHeaders = new LinkedHashSet<>(exposedHeaders);
            request.header("Access-Control-Request-Headers").ifPresent(h -> {
                for (String name : h.split(",")) {
                    if (!name.isBlank()) {
                        allowHeaders.add(name.strip());
                    }
                }
            });
            response = new ApiResponse(200, jakarta.json.JsonValue.NULL)
                    .header("Access-Control-Allow-Headers", String.join(",", allowHeaders))
                    .header("Access-Control-Allow-Methods", String.join(",", methods));
            settings.get("kinto.cors_max_age_seconds", "3600").strip().transform(Optional::of)
                    .filter(s -> !s.isEmpty())
                    .ifPresent(maxAge -> response.header("Access-Control-Max-Age", maxAge));
        }
        allowedOrigin(origin).ifPresent(o -> response.header("Access-Control-Allow-Origin", o));
        return response;
    }

    private List<String> origins() {
        List<String> origins = settings.getList("kinto.cors_origins");
        return origins.isEmpty() ? List.of("*") : origins;
    }

    /** Python's {@code fnmatch}: {@code *} any characters, {@code ?} one. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString());
    }
}
