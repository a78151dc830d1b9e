package org.jinto.http.admin;

import org.jinto.settings.KintoSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminAssetsTest {

    @TempDir
    Path root;

    private AdminAssets assets(Map<String, String> settings) {
        AdminAssets assets = new AdminAssets();
        assets.settings = new KintoSettings(settings, name -> null);
        assets.locate();
        return assets;
    }

    private Path build() throws Exception {
        Path build = Files.createDirectories(root.resolve("build"));
        Files.writeString(build.resolve("index.html"), "<html></html>");
        Files.writeString(build.resolve("VERSION"), "3.5.1\n");
        Files.createDirectories(build.resolve("assets"));
        Files.writeString(build.resolve("assets/app.js"), "app()");
        return build;
    }

    @Test
    void servesFilesInsideTheFolderOnly() throws Exception {
        Path build = build();
        Files.writeString(root.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(build.resolve("escape.txt"), root.resolve("secret.txt"));
        AdminAssets assets = assets(Map.of("kinto.includes", "kinto.plugins.admin",
                "kinto.admin_assets_path", build.toString()));

        assertTrue(assets.enabled());
        assertEquals(build.resolve("assets/app.js").toRealPath(), assets.file("assets/app.js").orElseThrow());
        assertTrue(assets.file("../secret.txt").isEmpty());
        assertTrue(assets.file("assets/../../secret.txt").isEmpty());
        assertTrue(assets.file("escape.txt").isEmpty(), "a symbolic link out of the folder");
        assertTrue(assets.file("assets").isEmpty(), "a folder is not a file");
        assertTrue(assets.file("missing.js").isEmpty());
        assertEquals("3.5.1", assets.capability().extra().getString("version"));
    }

    @Test
    void disabledWithoutThePlugin() throws Exception {
        AdminAssets assets = assets(Map.of("kinto.admin_assets_path", build().toString()));
        assertFalse(assets.enabled());
        assertTrue(assets.file("index.html").isEmpty());
        assertNull(assets.capability());
    }

    @Test
    void withoutTheSettingTheCapabilitySaysWhatIsMissing() {
        AdminAssets assets = assets(Map.of("kinto.includes", "kinto.plugins.admin"));
        assertTrue(assets.enabled());
        assertTrue(assets.file("index.html").isEmpty());
        assertTrue(assets.capability().extra().isNull("version"));
        assertTrue(assets.capability().extra().getString("missing").contains("kinto.admin_assets_path"));
    }

    @Test
    void badFolderStopsStartup() throws Exception {
        assertThrows(IllegalStateException.class, () -> assets(Map.of("kinto.includes", "kinto.plugins.admin",
                "kinto.admin_assets_path", root.resolve("nowhere").toString())));

        Path build = build();
        Files.delete(build.resolve("VERSION"));
        IllegalStateException noVersion = assertThrows(IllegalStateException.class, () -> assets(Map.of(
                "kinto.includes", "kinto.plugins.admin", "kinto.admin_assets_path", build.toString())));
        assertTrue(noVersion.getMessage().contains("VERSION"));
    }

    @Test
    void mediaTypes() {
        assertEquals("text/html; charset=UTF-8", MediaTypes.of("index.html"));
        assertEquals("text/javascript; charset=UTF-8", MediaTypes.of("index-abc123.js"));
        assertEquals("text/css; charset=UTF-8", MediaTypes.of("a.CSS"));
        assertEquals("text/plain; charset=UTF-8", MediaTypes.of("VERSION"));
        assertEquals("image/jpeg", MediaTypes.of("photo.jpg"));
        assertEquals("application/octet-stream", MediaTypes.of("blob.unknownext"));
    }
}
