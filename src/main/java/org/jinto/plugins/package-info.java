/**
 * Plugins: the built-in ones named in {@code kinto.includes}, the plugin registry behind the capabilities, and the
 * plugins folder ({@code kinto.plugins_dir}) whose JARs join the application.
 */
package org.jinto.plugins;
