/**
 * The accounts plugin's resource type ({@code /accounts}, {@code kinto.plugins.accounts}).
 */
package org.jinto.accounts;
