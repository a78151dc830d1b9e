package org.jinto.plugins.history;

import org.jinto.api.Settings;

import java.util.List;
import java.util.Set;

/**
 * The {@code history.*} settings (written {@code kinto.history.*} or {@code history.*} in the INI file, or
 * {@code KINTO_HISTORY_*} in the environment), as Kinto reads them.
 *
 * @param excludedResources  URIs of buckets, collections or objects whose changes are not tracked
 * @param excludedUserIds    users whose changes are not tracked
 * @param trimMaxCount       entries kept per bucket and resource name (and user), or -1 for no trimming
 * @param trimUserIds        when not empty, only these users' entries are trimmed
 * @param explicitPermissions {@code kinto.explicit_permissions}: give each entry a read ACE
 */
record HistorySettings(List<String> excludedResources, Set<String> excludedUserIds, long trimMaxCount,
                       List<String> trimUserIds, boolean explicitPermissions) {

    static HistorySettings from(Settings settings) {
        return new HistorySettings(settings.getList("kinto.history.exclude_resources"),
                Set.copyOf(settings.getList("kinto.history.exclude_user_ids")),
                settings.getLong("kinto.history.auto_trim_max_count", -1),
                settings.getList("kinto.history.auto_trim_user_ids"),
                settings.getBoolean("kinto.explicit_permissions", true));
    }

    /** @param userId null for an anonymous change (never excluded, as Kinto's {@code None}) */
    boolean excludes(String userId) {
        return userId != null && excludedUserIds.contains(userId);
    }

    /** @param userId null for an anonymous change (trimmed only when every user's entries are) */
    boolean trimEnabledFor(String userId) {
        return trimMaxCount > 0 && (trimUserIds.isEmpty() || userId != null && trimUserIds.contains(userId));
    }
}
