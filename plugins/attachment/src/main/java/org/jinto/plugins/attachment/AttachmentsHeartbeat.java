package org.jinto.plugins.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.HeartbeatCheck;
import org.jinto.api.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** kinto-attachment's {@code attachments} heartbeat: a small file written to the store and deleted. */
@ApplicationScoped
public class AttachmentsHeartbeat implements HeartbeatCheck {

    private static final String LOCATION = "heartbeat-test/heartbeat.json";

    @Inject
    AttachmentPlugin plugin;
    @Inject
    Settings settings;
    @Inject
    FileStores stores;

    @Override
    public String name() {
        return "attachments";
    }

    @Override
    public boolean enabled() {
        return plugin.isEnabled();
    }

    @Override
    public boolean check() {
        if (settings.getBoolean("kinto.readonly", false)) {
            return true;
        }
        FileStore store = stores.current();
        InputStream content = new ByteArrayInputStream("{\"test\": \"write\"}".getBytes(StandardCharsets.UTF_8));
        try (SpooledFile file = SpooledFile.copy(content, 0)) {
            store.save(LOCATION, file.path(), "application/json");
            store.delete(LOCATION);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
