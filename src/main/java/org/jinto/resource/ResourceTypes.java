package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.api.resource.ResourceDeclaration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The resource types enabled by the settings (the server's, and those plugins declare), the routes to them and
 * their permission tree.
 */
@ApplicationScoped
public class ResourceTypes {

    @Inject
    Settings settings;
    @Inject
    @Any
    Instance<ResourceType> allTypes;
    @Inject
    @Any
    Instance<ResourceDeclaration> declared;

    private List<ResourceType> enabled;
    private PermissionTree tree;

    public synchronized List<ResourceType> enabled() {
        if (enabled == null) {
            enabled = Stream.concat(allTypes.stream(), declared.stream().map(DeclaredResourceType::new))
                    .filter(t -> t.enabled(settings)).toList();
        }
        return enabled;
    }

    public Optional<ResourceType> byName(String name) {
        return enabled().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The route of a path below {@code /v1} (segments already percent-decoded), if a resource serves it. */
    public Optional<Route> route(List<String> segments) {
        for (ResourceType type : enabled()) {
            for (boolean objectEndpoint : new boolean[]{false, true}) {
                if (objectEndpoint && !type.hasObjectEndpoint()) {
                    continue;
                }
                Map<String, String> ids = type.template().match(segments, objectEndpoint);
                if (ids != null) {
                    return Optional.of(new Route(type, !objectEndpoint, ids));
                }
            }
        }
        return Optional.empty();
    }

    public synchronized PermissionTree permissionTree() {
        if (tree == null) {
            Map<String, Map<String, Map<String, List<String>>>> byResource = new HashMap<>();
            enabled().forEach(t -> byResource.put(t.name(), t.inheritance()));
            tree = new PermissionTree(byResource);
        }
        return tree;
    }

}
