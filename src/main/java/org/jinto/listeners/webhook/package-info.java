/**
 * The webhook listener: POSTs each event's JSON to a URL, signed with an HMAC header, retried with backoff.
 */
package org.jinto.listeners.webhook;
