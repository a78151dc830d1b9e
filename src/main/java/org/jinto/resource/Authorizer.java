package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.api.auth.Authorization;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.auth.Identity;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.reads.Prefetched;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, as Kinto's {@code RouteFactory} and {@code AuthorizationPolicy.permits} decide it: the permission
 * a request needs on which object, granted by the inherited ACEs of the permission backend or by the
 * {@code kinto.<resource>_<permission>_principals} settings; a refused anonymous caller gets 401, others 403.
 */
@ApplicationScoped
public class Authorizer implements Authorization {

    @Inject
    PermissionBackend permission;
    @Inject
    Settings settings;
    @Inject
    ResourceTypes types;
    @Inject
    RequestAuthenticator authenticator;

    /** What a request needs: a permission ({@code read}, {@code write}, {@code create}) on an object URI. */
    record Requirement(String objectUri, String permission) {
    }

    /** Throws 401/403 unless the caller may perform the request; records the shared ids on plural endpoints. */
    public void authorize(RequestContext context) {
        if (!permits(context)) {
            throw context.identity().authenticated() ? forbidden() : unauthorized();
        }
    }

    @Override
    public void require(String authorizationHeader, String resourceName, String objectUri, String permission) {
        Identity identity = authenticator.identify(authorizationHeader);
        List<Map.Entry<String, String>> bound = types.permissionTree().inherited(objectUri, permission);
        if (!check(null, resourceName, permission, identity.principals(), bound)) {
            throw identity.authenticated() ? forbidden() : unauthorized();
        }
    }

    /** Whether these principals may read the object at {@code objectUri} (inherited and settings grants included). */
    public boolean mayRead(Collection<String> principals, String objectUri) {
        List<Map.Entry<String, String>> bound = types.permissionTree().inherited(objectUri, "read");
        return check(null, PermissionTree.resourceName(objectUri), "read", principals, bound);
    }

    private boolean permits(RequestContext context) {
        Route route = context.route();
        String resourceName = route.type().name();
        Collection<String> principals = context.identity().principals();
        Requirement requirement = requirement(context);
        String createPermission = resourceName + ":create";
        String permission = "create".equals(requirement.permission()) ? createPermission : requirement.permission();

        PermissionTree tree = types.permissionTree();
        List<Map.Entry<String, String>> bound = tree.inherited(requirement.objectUri(), permission);
        boolean allowed = check(context.prefetched(), resourceName, requirement.permission(), principals, bound);

        String objectUri = requirement.objectUri();
        String parentUri = objectUri.substring(0, Math.max(objectUri.lastIndexOf('/'), 0));
        // Writing an unknown object only needs to read its parent: the request then ends in a 404 (Kinto#918).
        boolean unknownObject = !route.plural() && context.currentObject() == null;
        if ("write".equals(requirement.permission()) && unknownObject) {
            bound = tree.inherited(parentUri, "read");
            allowed = check(context.prefetched(), resourceName, requirement.permission(), principals, bound);
        }
        boolean listOperation = route.plural() && !permission.endsWith("create") && context.currentObject() == null;
        if (!allowed && listOperation) {
            List<String> shared = sharedIds(context, permission, principals);
            context.sharedIds(shared);
            allowed = !shared.isEmpty();
            if (!allowed) {
                // Whoever may create objects here may list them (and sees only their own).
                List<Map.Entry<String, String>> create = bound.isEmpty()
                        ? List.of(Map.entry("", "create"))
                        : List.of(Map.entry(parentUri, createPermission));
                allowed = check(context.prefetched(), resourceName, requirement.permission(), principals, create);
            }
        }
        return allowed;
    }

    /** Kinto's {@code _find_required_permission}. */
    Requirement requirement(RequestContext context) {
        Route route = context.route();
        String uri = route.plural() ? route.pluralUri() : route.objectUri(route.objectId());
        return switch (context.method()) {
            case "GET", "HEAD" -> new Requirement(uri, "read");
            case "POST" -> context.currentObject() == null
                    ? new Requirement(uri, "create")
                    : new Requirement(route.objectUri(context.currentObject().getString("id")), "read");
            case "PUT" -> {
                boolean safeCreation = "*".equals(context.request().header("If-None-Match").orElse(null));
                yield context.currentObject() == null || safeCreation
                        ? new Requirement(route.pluralUri(), "create")
                        : new Requirement(uri, "write");
            }
            default -> new Requirement(uri, "write");
        };
    }

    /**
     * Kinto's {@code check_permission}: principals from the settings first, then the backend. Without bound
     * permissions (URIs that are not objects), the settings of the resource and required permission decide. The
     * backend's answer comes from the request's read-ahead when it read the ACEs concerned.
     */
    private boolean check(Prefetched prefetched, String resourceName, String required, Collection<String> principals,
                          List<Map.Entry<String, String>> bound) {
        List<Map.Entry<String, String>> effective = bound.isEmpty() ? List.of(Map.entry(resourceName, required)) : bound;
        for (Map.Entry<String, String> entry : effective) {
            String perm = entry.getValue();
            String setting = perm.startsWith(resourceName)
                    ? perm.replace(':', '_') + "_principals"
                    : resourceName + "_" + perm + "_principals";
            Set<String> allowed = new HashSet<>(settings.getList("kinto." + setting));
            allowed.retainAll(principals);
            if (!allowed.isEmpty()) {
                return true;
            }
        }
        Boolean read = prefetched == null ? null : prefetched.checkPermission(principals, effective);
        return read != null ? read : permission.checkPermission(principals, effective);
    }

    /** The ids of objects of this plural endpoint on which the caller holds the permission (directly). */
    private List<String> sharedIds(RequestContext context, String permissionName, Collection<String> principals) {
        String pattern = context.route().pluralUri() + "/*";
        List<Map.Entry<String, String>> bound = types.permissionTree().inherited(pattern, permissionName);
        long depth = segments(pattern);
        // Wildcards match one path segment only: objects below the listed ones do not count (with_children=False).
        return permission.getAccessibleObjects(principals, bound).keySet().stream()
                .filter(uri -> segments(uri) == depth)
                .map(uri -> uri.substring(uri.lastIndexOf('/') + 1))
                .sorted()
                .toList();
    }

    private static long segments(String uri) {
        return uri.chars().filter(c -> c == '/').count();
    }

    /** Kinto's 401 for an anonymous caller refused: errno 104 with the policies' {@code WWW-Authenticate}. */
    public KintoException unauthorized() {
        return new KintoException(401, Errno.MISSING_AUTH_TOKEN, "Unauthorized",
                "Please authenticate yourself to use this endpoint.", null,
                Map.of("WWW-Authenticate", String.join(", ", authenticator.challenges())));
    }

    /** Kinto's 403 for an authenticated caller refused. */
    public static KintoException forbidden() {
        return new KintoException(403, Errno.FORBIDDEN, "Forbidden", "This user cannot access this resource.");
    }
}
