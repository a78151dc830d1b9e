/**
 * The resource types Kinto serves: buckets, collections, groups, records (with their cascades and group
 * memberships), and the {@code /permissions} list.
 */
package org.jinto.resource.types;
