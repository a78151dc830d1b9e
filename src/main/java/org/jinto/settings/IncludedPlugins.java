package org.jinto.settings;

import org.jinto.api.Settings;

/** Kinto's {@code kinto.includes}: the built-in plugins an operator turned on, by their Kinto module names. */
public final class IncludedPlugins {

    public static final String KEY = "kinto.includes";
    /** The admin UI, which also turns on the permissions endpoint it lists objects with. */
    public static final String ADMIN = "kinto.plugins.admin";

    private IncludedPlugins() {
    }

    public static boolean contains(Settings settings, String plugin) {
        return settings.getList(KEY).contains(plugin);
    }
}
