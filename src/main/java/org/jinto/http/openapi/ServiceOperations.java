package org.jinto.http.openapi;

import io.swagger.annotations.Api;
import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import io.swagger.models.ModelImpl;
import io.swagger.models.Operation;
import io.swagger.models.Path;
import io.swagger.models.Response;
import io.swagger.models.Swagger;
import io.swagger.models.parameters.BodyParameter;
import io.swagger.models.parameters.PathParameter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;
import org.jinto.api.http.OptionalEndpoint;
import org.jinto.ops.metrics.EndpointTemplates;
import org.jinto.http.MatchedEndpointFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths of the other JAX-RS endpoints (hello, heartbeats, batch, plugins' endpoints...), read from the resource
 * classes the container serves — the CDI beans annotated {@link jakarta.ws.rs.Path} — and their methods' HTTP
 * designators and path templates, with the summary, operation id, tags and answers of their
 * {@link ApiOperation}/{@link ApiResponses}. Classes marked {@code @Api(hidden = true)} are described elsewhere or
 * not at all; an {@link OptionalEndpoint} is left out while not served.
 */
@ApplicationScoped
class ServiceOperations {

    private static final String DEFAULT_TAG = "Utilities";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    @Inject
    BeanManager beanManager;

    /** Adds the service paths, sorted by path; their operations need no authentication, as Kinto's. */
    void addTo(Swagger swagger) {
        Map<String, Path> paths = new TreeMap<>();
        for (Bean<?> bean : resourceBeans()) {
            Class<?> resource = bean.getBeanClass();
            for (Method method : sorted(resource.getMethods())) {
                String httpMethod = httpMethod(method);
                ApiOperation documentation = method.getAnnotation(ApiOperation.class);
                if (httpMethod == null || (documentation != null && documentation.hidden())) {
                    continue;
                }
                String template = EndpointTemplates.withoutRegex(MatchedEndpointFilter.template(resource, method));
                paths.computeIfAbsent(template, t -> new Path())
                        .set(httpMethod.toLowerCase(Locale.ROOT), operation(resource, method, template, documentation));
            }
        }
        paths.forEach(swagger::path);
    }

    /** The served resource classes, each once. */
    private List<Bean<?>> resourceBeans() {
        Map<String, Bean<?>> byClass = new TreeMap<>();
        for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Api api = type.getAnnotation(Api.class);
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) && (api == null || !api.hidden()) && served(bean)) {
                byClass.putIfAbsent(type.getName(), bean);
            }
        }
        return List.copyOf(byClass.values());
    }

    private boolean served(Bean<?> bean) {
        if (!OptionalEndpoint.class.isAssignableFrom(bean.getBeanClass())) {
            return true;
        }
        OptionalEndpoint endpoint = (OptionalEndpoint) beanManager.getReference(bean, OptionalEndpoint.class,
                beanManager.createCreationalContext(bean));
        return endpoint.isServed();
    }

    private static Operation operation(Class<?> resource, Method method, String template, ApiOperation documentation) {
        Operation operation = new Operation().operationId(method.getName()).tag(DEFAULT_TAG);
        operation.setSecurity(List.of());
        if (documentation != null) {
            operation.operationId(documentation.nickname().isEmpty() ? method.getName() : documentation.nickname())
                    .summary(documentation.value());
            if (Arrays.stream(documentation.tags()).anyMatch(tag -> !tag.isEmpty())) {
                operation.setTags(Arrays.stream(documentation.tags()).filter(tag -> !tag.isEmpty()).toList());
            }
        }
        Matcher placeholders = PLACEHOLDER.matcher(template);
        while (placeholders.find()) {
            operation.parameter(new PathParameter().name(placeholders.group(1)).type("string"));
        }
        if (Arrays.stream(method.getParameters()).anyMatch(ServiceOperations::isEntity)) {
            operation.parameter(new BodyParameter().name("body").schema(new ModelImpl().type(ModelImpl.OBJECT)));
        }
        Produces produces = producesOf(method).orElse(null);
        if (produces != null) {
            operation.produces(List.of(produces.value()));
        }
        ApiResponses responses = method.getAnnotation(ApiResponses.class);
        if (responses == null) {
            operation.response(200, new Response().description("Success."));
        } else {
            for (ApiResponse response : responses.value()) {
                operation.response(response.code(), new Response().description(response.message()));
            }
        }
        operation.defaultResponse(KintoSchemas.errorResponse("Kinto's error answer."));
        return operation;
    }

    private static java.util.Optional<Produces> producesOf(Method method) {
        return java.util.Optional.ofNullable(method.getAnnotation(Produces.class))
                .or(() -> java.util.Optional.ofNullable(method.getDeclaringClass().getAnnotation(Produces.class)));
    }

    /** The JAX-RS HTTP method of a resource method (GET, POST...), or null if it is none. */
    private static String httpMethod(AnnotatedElement method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    /** JAX-RS reads the request body into the one parameter without annotations. */
    private static boolean isEntity(Parameter parameter) {
        return parameter.getAnnotations().length == 0;
    }

    private static List<Method> sorted(Method[] methods) {
        return Arrays.stream(methods).sorted(Comparator.comparing(Method::getName)).toList();
    }
}
