/**
 * Authentication: the configured policies ({@code multiauth.policies}) tried in order to turn a request's {@code
 * Authorization} header into an {@code Identity} (user id and principals); Basic auth and Kinto accounts.
 */
package org.jinto.auth;
