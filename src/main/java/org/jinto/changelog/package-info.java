/**
 * The change log on PostgreSQL: committed changes written in their own transaction, read by the other nodes on the
 * database ({@link org.jinto.changelog.NodeBus}, LISTEN/NOTIFY) and delivered to the event listeners from their
 * outbox ({@link org.jinto.changelog.ListenerDeliveries}).
 */
package org.jinto.changelog;
