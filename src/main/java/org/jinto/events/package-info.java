/**
 * Resource events: collects the changes of a request (cascades included) and fires them as CDI events to plugins
 * before and after commit.
 */
package org.jinto.events;
