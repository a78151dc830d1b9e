/**
 * Settings with Kinto's names, from the INI file and the environment ({@code KINTO_*}), with Kinto's defaults.
 */
package org.jinto.settings;
