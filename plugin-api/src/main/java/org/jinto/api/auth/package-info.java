/**
 * Authentication policies a plugin can add ({@code AuthenticationPolicy}, picked by name from {@code
 * multiauth.policies}).
 */
package org.jinto.api.auth;
