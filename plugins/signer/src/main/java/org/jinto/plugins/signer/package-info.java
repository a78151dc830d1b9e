/**
 * The {@code kinto_signer} / remote-settings plugin: collection signatures and the review workflow.
 */
package org.jinto.plugins.signer;
