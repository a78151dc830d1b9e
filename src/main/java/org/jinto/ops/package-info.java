/**
 * Operations: request ids, the request summary log in Kinto's formats, log levels and the server's build facts.
 */
package org.jinto.ops;
