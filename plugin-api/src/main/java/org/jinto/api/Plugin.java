package org.jinto.api;

/**
 * Declares a plugin: a JAR with {@code META-INF/beans.xml} whose CDI beans include exactly one implementation of
 * this interface. The server refuses to start when {@code kinto.includes} names a plugin that no installed JAR
 * declares.
 * <p>
 * The JAR's beans are active whether or not the plugin is enabled: they check {@link #isEnabled(Settings)}
 * themselves. A disabled plugin's endpoints answer 404 ({@code KintoException.notFound()}), its observers do
 * nothing, and its {@link Capability} producer returns null (a null capability is not shown).
 */
public interface Plugin {

    /** The setting listing the enabled plugins by include name. */
    String INCLUDES = "kinto.includes";

    /** The name that {@code kinto.includes} lists to enable the plugin, e.g. {@code kinto.plugins.history}. */
    String includeName();

    /** Enabled when {@code kinto.includes} lists {@link #includeName()}; plugins may add their own switch. */
    default boolean isEnabled(Settings settings) {
        return settings.getList(INCLUDES).contains(includeName());
    }
}
