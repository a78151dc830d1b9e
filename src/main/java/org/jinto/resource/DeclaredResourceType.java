package org.jinto.resource;

import org.jinto.api.Settings;
import org.jinto.api.resource.ResourceDeclaration;
import org.jinto.api.storage.Filter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A resource a plugin declares through the plugin API, served by the engine like the built-in types. */
final class DeclaredResourceType extends ResourceType {

    private final ResourceDeclaration declaration;

    DeclaredResourceType(ResourceDeclaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public String name() {
        return declaration.name();
    }

    @Override
    protected String pluralPath() {
        return declaration.pluralPath();
    }

    @Override
    public List<String> permissions() {
        return declaration.permissions();
    }

    @Override
    public Map<String, Map<String, List<String>>> inheritance() {
        return declaration.inheritance();
    }

    @Override
    public List<String> pluralMethods() {
        return declaration.pluralMethods();
    }

    @Override
    public boolean hasObjectEndpoint() {
        return declaration.objectEndpoint();
    }

    @Override
    public Filter filter(Filter fromQuery) {
        return new Filter(fromQuery.field(), declaration.filterValue(fromQuery.field(), fromQuery.value()),
                fromQuery.operator());
    }

    @Override
    public Optional<Set<String>> knownFields() {
        return declaration.knownFields();
    }

    @Override
    public boolean enabled(Settings settings) {
        return declaration.isEnabled(settings);
    }
}
