/**
 * The {@code kinto_changes} plugin: the {@code monitor/changes} collection and the changeset endpoint.
 */
package org.jinto.plugins.changes;
