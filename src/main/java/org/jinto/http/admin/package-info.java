/**
 * Hosts the kinto-admin web UI under {@code /v1/admin/} ({@code kinto.plugins.admin}).
 */
package org.jinto.http.admin;
