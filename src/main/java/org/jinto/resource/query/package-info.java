/**
 * The query string of list requests, read exactly as Kinto 25 reads it, and keyset pagination.
 * <h2>Plural GET / HEAD</h2>
 * <pre>{@code
 * QueryString query = QueryString.parse(uriInfo.getRequestUri().getRawQuery());   // keeps the written order
 * ListRequest list = new ListRequestParser(ListOptions.fromSettings(settings)).forGet(query);  // 400s here
 * list = list.withSharedIds(ids);                  // when the user may only read some objects (shared_ids)
 * Pagination pagination = Pagination.fromSettings(cache, settings);
 * Page page = pagination.resume(list, false);      // decodes _token (400 "_token has invalid content")
 * List<JsonObject> fetched = storage.listAll(name, parent, pagination.pageQuery(list, page));  // limit + 1
 * PageResult result = pagination.page(list, page, fetched,
 *         new NextPageLink(uriInfo.getAbsolutePath().toString(), query));
 * result.nextPage().ifPresent(url -> headers.add("Next-Page", url));
 * list.alert().ifPresent(alert -> headers.add("Alert", alert));              // _to is deprecated
 * objects = list.fields() == null ? result.objects()
 *         : result.objects().stream().map(o -> Projection.project(o, list.fields())).toList();
 * }</pre>
 * HEAD counts with {@code storage.countAll(name, parent, list.filters())}.
 * <h2>Plural DELETE</h2>
 * {@code forDelete(query)} (no {@code _fields}); {@code resume(list, true)} consumes the token's nonce (400
 * {@code _token was already used or has expired.}); fetch with {@code pageQuery}, delete with {@code deleteQuery},
 * then {@code nextPageAfterDelete(list, page, fetched, deleted, link)}.
 * <h2>GET one object</h2>
 * {@code parser.fieldsForObject(query)} gives its {@code _fields} (null for all), applied with
 * {@link org.jinto.resource.query.Projection#project}.
 * <p>
 * Every error is a {@link org.jinto.api.http.KintoException} 400 errno 107 with Kinto's {@code details} and message.
 * Pagination rules may carry a Java null filter value (Kinto's MISSING), see {@link org.jinto.api.storage.Filter}.
 */
package org.jinto.resource.query;
