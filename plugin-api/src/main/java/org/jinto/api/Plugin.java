package org.jinto.api;

import java.util.List;

/**
 * Declares a plugin: a JAR with {@code META-INF/beans.xml} whose CDI beans include exactly one implementation of
 * this interface. The server refuses to start when {@code kinto.includes} names a plugin that no installed JAR
 * declares, and shows the {@link #capabilities()} of enabled plugins in {@code GET /v1/}.
 * <p>
 * The JAR's observers and JAX-RS resources are active whether or not the plugin is enabled: they check
 * {@link #isEnabled(Settings)} themselves (a disabled plugin's endpoints answer 404, its observers do nothing).
 */
public interface Plugin {

    /** The setting listing the enabled plugins by include name. */
    String INCLUDES = "kinto.includes";

    /** The name that {@code kinto.includes} lists to enable the plugin, e.g. {@code kinto.plugins.history}. */
    String includeName();

    /** What {@code GET /v1/} advertises while the plugin is enabled. */
    default List<Capability> capabilities() {
        return List.of();
    }

    /** Enabled when {@code kinto.includes} lists {@link #includeName()}; plugins may add their own switch. */
    default boolean isEnabled(Settings settings) {
        return settings.getList(INCLUDES).contains(includeName());
    }
}
