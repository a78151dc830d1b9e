/**
 * The plugin API: what plugins and backends compile against (settings, capabilities, the {@code @BackendName}
 * qualifier).
 */
package org.jinto.api;
