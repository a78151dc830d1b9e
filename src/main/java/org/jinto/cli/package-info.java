/**
 * The maintenance commands ({@code migrate}, {@code purge-deleted}, {@code create-user}, {@code flush-cache}), run
 * by the launcher outside a web application.
 */
package org.jinto.cli;
