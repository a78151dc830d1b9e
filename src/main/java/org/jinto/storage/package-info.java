/**
 * What the storage backends share: Kinto's timestamps, field paths, JSON ordering, and filters evaluated on JSON
 * objects in memory.
 */
package org.jinto.storage;
