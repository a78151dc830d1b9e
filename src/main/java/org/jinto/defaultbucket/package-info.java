/**
 * The personal bucket ({@code kinto.plugins.default_bucket}): {@code /buckets/default} aliased to the user's own
 * bucket, created on first use.
 */
package org.jinto.defaultbucket;
