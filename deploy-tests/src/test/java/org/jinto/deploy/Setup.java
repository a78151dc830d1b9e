package org.jinto.deploy;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a deployment installs besides the WAR.
 *
 * @param settings    Jinto's settings file
 * @param environment variables added to the container's environment (settings overrides, database coordinates)
 * @param plugin      a third-party plugin JAR to drop in
 */
record Setup(Path settings, Map<String, String> environment, Path plugin) {
}
