package org.jinto.backend;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the bean named by a setting among the beans of one type qualified with {@link BackendName} (a backend, an
 * event listener kind).
 * Accepts short names ({@code postgresql}) and Kinto's dotted names ({@code kinto.core.storage.postgresql},
 * {@code kinto_redis.cache}). An unknown name is an error that names the key and the valid values.
 */
public final class BackendSelector {

    private BackendSelector() {
    }

    public static <T> T select(Instance<T> candidates, BeanManager beanManager, Class<T> type, Settings settings,
                        String key, String defaultName) {
        return candidates.select(BackendName.Literal.of(name(beanManager, type, settings, key, defaultName))).get();
    }

    /** The short name of the bean the setting names, checked to be one of the {@link #availableNames}. */
    public static String name(BeanManager beanManager, Class<?> type, Settings settings, String key,
                              String defaultName) {
        String configured = settings.get(key, defaultName).strip();
        String name = shortName(configured);
        Set<String> available = availableNames(beanManager, type);
        if (!available.contains(name)) {
            throw new IllegalStateException("Setting " + key + " = '" + configured + "' names no known backend; valid values: "
                    + String.join(", ", available));
        }
        return name;
    }

    /**
     * {@code kinto.core.storage.postgresql} → postgresql; {@code kinto_redis.cache} → redis;
     * {@code kinto_redis.listeners} → redis.
     */
    public static String shortName(String configured) {
        String[] parts = configured.toLowerCase(Locale.ROOT).split("\\.");
        String last = parts[parts.length - 1];
        if (parts.length > 1 && Set.of("cache", "storage", "permission", "listeners").contains(last)) {
            last = parts[parts.length - 2];
        }
        return last.startsWith("kinto_") ? last.substring("kinto_".length()) : last;
    }

    /** The {@link BackendName}s of the beans of {@code type}, sorted: the valid values of a setting. */
    public static Set<String> availableNames(BeanManager beanManager, Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Bean<?> bean : beanManager.getBeans(type, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            bean.getQualifiers().stream()
                    .filter(BackendName.class::isInstance)
                    .map(q -> ((BackendName) q).value())
                    .forEach(names::add);
        }
        return names;
    }
}
