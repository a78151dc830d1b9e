/**
 * Kinto's {@code kinto.plugins.history}: every change recorded, the {@code /history} list and collection snapshots.
 */
package org.jinto.plugins.history;
