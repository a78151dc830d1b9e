/**
 * Resource events as Kinto sends them (CDI events plugins observe) and event listeners plugins can provide.
 */
package org.jinto.api.events;
