/**
 * {@code POST /v1/batch}: runs each subrequest through the servlet container (so every endpoint and filter applies)
 * in one transaction, and answers Kinto's batch response.
 */
package org.jinto.http.batch;
