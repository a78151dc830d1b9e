/**
 * Picks the storage, permission and cache beans by their {@code @BackendName} from the settings ({@code
 * kinto.storage_backend}, ...), with Kinto's module names as aliases.
 */
package org.jinto.backend;
