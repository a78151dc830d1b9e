package org.jinto.plugins.openid;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.api.cache.Cache;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Kinto's OpenID login dance ({@code kinto/plugins/openid/views.py}), as kinto-admin drives it:
 * {@code GET /openid/<provider>/login} redirects to the provider with a random state kept in the cache, the
 * provider sends the browser back to {@code GET /openid/<provider>/token}, which trades the code for the tokens
 * and redirects to the client's callback with the provider's answer in base64.
 */
@Path("openid/{provider}")
@RequestScoped
public class OpenIdEndpoints implements OptionalEndpoint {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STATE_KEY = "openid:state:";

    @Inject
    OpenIdPlugin plugin;
    @Inject
    Cache cache;

    @Override
    public boolean isServed() {
        return plugin.enabled();
    }

    @GET
    @Path("login")
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "Initiate the OAuth2 login", nickname = "get_openid_login", tags = "OpenID")
    @ApiResponses({@ApiResponse(code = 307, message = "Successful redirection."),
            @ApiResponse(code = 400, message = "The request is invalid.")})
    public Response login(@PathParam("provider") String name, @QueryParam("callback") String callback,
                          @QueryParam("scope") String scope, @QueryParam("prompt") String prompt,
                          @Context UriInfo uriInfo) {
        InvalidParameters errors = new InvalidParameters();
        if (callback == null) {
            errors.add("querystring", "callback", "Required");
        } else if (!isUrl(callback)) {
            errors.add("querystring", "callback", "Must be a URL");
        }
        if (scope == null) {
            errors.add("querystring", "scope", "Required");
        }
        if (prompt != null && !prompt.startsWith("none")) {
            errors.add("querystring", "prompt", "String does not match expected pattern");
        }
        Provider provider = provider(name, errors);
        errors.raiseIfAny();
        ProviderSettings settings = provider.settings();
        if ("email".equals(settings.userIdField()) && !scope.contains("email")) {
            new InvalidParameters().add("body", "scope", "Provider " + name + " requires 'email' scope")
                    .raiseIfAny();
        }
        byte[] random = new byte[settings.stateLength()];
        RANDOM.nextBytes(random);
        String state = HexFormat.of().formatHex(random);
        cache.set(STATE_KEY + state, callback, settings.stateTtl());

        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", settings.clientId());
        params.put("response_type", "code");
        params.put("scope", scope);
        params.put("redirect_uri", tokenUri(uriInfo, name));
        params.put("state", state);
        if (prompt != null) {
            params.put("prompt", prompt);
        }
        return redirect(provider.metadata().authorizationEndpoint() + "?" + ProviderHttp.form(params));
    }

    @GET
    @Path("token")
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "Trade the code for the tokens", nickname = "get_openid_token", tags = "OpenID")
    @ApiResponses({@ApiResponse(code = 307, message = "Redirection to the callback with the tokens."),
            @ApiResponse(code = 400, message = "The request is invalid.")})
    public Response token(@PathParam("provider") String name, @QueryParam("code") String code,
                          @QueryParam("state") String state, @Context UriInfo uriInfo) {
        InvalidParameters errors = new InvalidParameters();
        if (code == null) {
            errors.add("querystring", "code", "Required");
        }
        if (state == null) {
            errors.add("querystring", "state", "Required");
        }
        Provider provider = provider(name, errors);
        errors.raiseIfAny();
        // A state serves once.
        String callback = cache.delete(STATE_KEY + state);
        if (callback == null) {
            new InvalidParameters().add(JSON.createObjectBuilder().add("location", "body").add("name", "state")
                    .add("description", "Invalid state").add("errno", Errno.INVALID_AUTH_TOKEN.number()))
                    .raiseIfAny();
        }
        ProviderSettings settings = provider.settings();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("redirect_uri", tokenUri(uriInfo, name));
        form.put("grant_type", "authorization_code");
        String answer = provider.http().postForm(provider.metadata().tokenEndpoint(), form).body();
        // Whatever the provider answered (the tokens or its error) goes to the client, as Kinto forwards it.
        String tokens = Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8));
        // Python's quote(): "/" stays as it is.
        return redirect(callback + URLEncoder.encode(tokens, StandardCharsets.UTF_8).replace("%2F", "/"));
    }

    /** Kinto's {@code provider_validator}: the name must be one of the configured OpenID providers. */
    private Provider provider(String name, InvalidParameters errors) {
        if (!plugin.enabled()) {
            throw KintoException.notFound();
        }
        Optional<Provider> provider = plugin.provider(name);
        if (provider.isEmpty()) {
            errors.add("path", "provider", "Unknow provider '" + name + "'");
        }
        return provider.orElse(null);
    }

    private static String tokenUri(UriInfo uriInfo, String provider) {
        return uriInfo.getBaseUriBuilder().path("openid").path(provider).path("token").build().toString();
    }

    /** Colander's {@code url} validator, roughly: an absolute URL with a scheme and a host. */
    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && uri.getRawAuthority() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Response redirect(String location) {
        return Response.status(Response.Status.TEMPORARY_REDIRECT).header("Location", location).build();
    }
}
