package org.jinto.settings;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import org.jinto.api.Settings;

import java.util.Set;

/**
 * Settings for code that runs while CDI boots (portable extensions), before the {@link Settings} bean exists.
 * The {@code kinto.ini} context parameter is only reachable through the servlet context, which CDI extensions do
 * not see: this initializer, listed in WEB-INF/classes/META-INF/services, records it. Tomcat runs the
 * initializers of WEB-INF/classes before those of WEB-INF/lib, so before Weld's. Application servers that boot
 * CDI before the web module only get the other sources (KINTO_INI, -Dkinto.ini, server-config/kinto.ini, the
 * environment). The field is static per web application: each deployment has its own class loader.
 */
public class EarlySettings implements ServletContainerInitializer {

    private static volatile String contextParameter;

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        contextParameter = context.getInitParameter("kinto.ini");
    }

    /** The settings as the {@link Settings} bean will read them. */
    public static Settings read() {
        return SettingsProducer.load(contextParameter);
    }
}
