/**
 * The {@code kinto.plugins.openid} plugin: OpenID Connect providers as authentication policies, Kinto's login and
 * token endpoints, JWT access tokens validated locally.
 */
package org.jinto.plugins.openid;
