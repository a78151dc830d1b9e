/**
 * Kinto's event listeners ({@code kinto.event_listeners}): each configured listener receives the matching events
 * after commit, from a bounded queue of its own.
 */
package org.jinto.listeners;
