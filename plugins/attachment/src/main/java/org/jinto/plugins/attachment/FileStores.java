package org.jinto.plugins.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;

/**
 * Picks the file store as kinto-attachment does: the local folder when {@code kinto.attachment.base_path} is set,
 * else S3.
 */
@ApplicationScoped
public class FileStores {

    @Inject
    Settings settings;
    @Inject
    @Any
    Instance<FileStore> stores;

    FileStore current() {
        String name = AttachmentSettings.from(settings).localStore() ? "local" : "s3";
        return stores.select(BackendName.Literal.of(name)).get();
    }
}
