/**
 * The {@code kinto_ldap} plugin: Basic credentials checked by an LDAP bind, directory groups as principals.
 */
package org.jinto.plugins.ldap;
