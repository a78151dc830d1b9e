package org.jinto.accounts;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.auth.Passwords;
import org.jinto.resource.IdGenerator;
import org.jinto.resource.body.ColanderMessages;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.resource.RequestContext;
import org.jinto.resource.ResourceType;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * User accounts of Kinto's accounts plugin ({@code /accounts/{id}}, enabled by {@code kinto.plugins.accounts} in
 * {@code kinto.includes}). Each account is stored as Kinto does: resource {@code account}, parent id and id both
 * the account id, the bcrypt hash of the password in {@code password}. Anyone in
 * {@code account_create_principals} may create one; a user sees and manages only its own account, the principals
 * of {@code account_write_principals} (administrators) all of them.
 */
@ApplicationScoped
public class AccountType extends ResourceType {

    public static final String PLUGIN = "kinto.plugins.accounts";
    private static final IdGenerator IDS = new IdGenerator(Pattern.compile("^[a-zA-Z0-9][+.@a-zA-Z0-9_-]*$"),
            IdGenerator.NAME.generator());

    @Override
    public String name() {
        return "account";
    }

    /** Whether {@code id} is a valid account id (Kinto's {@code AccountIdGenerator}). */
    public static boolean validId(String id) {
        return IDS.matches(id);
    }

    /** The pattern account ids match, for messages. */
    public static String idPattern() {
        return IDS.pattern().pattern();
    }

    @Override
    protected String pluralPath() {
        return "/accounts";
    }

    @Override
    public Map<String, Map<String, List<String>>> inheritance() {
        return Map.of(
                "write", Map.of("account", List.of("write")),
                "read", Map.of("account", List.of("write", "read")));
    }

    @Override
    public IdGenerator idGenerator() {
        return IDS;
    }

    @Override
    public boolean enabled(Settings settings) {
        return settings.getList("kinto.includes").contains(PLUGIN);
    }

    /**
     * Accounts are isolated by owner: a user addresses its own account (parent = its account id), an administrator
     * every account ({@code *} on the plural endpoint), an anonymous caller only the account it creates.
     */
    @Override
    public String parentId(RequestContext context) {
        boolean plural = context.plural();
        if (administrator(context)) {
            if (!plural) {
                return context.route().objectId();
            }
            return "POST".equals(context.method()) ? postedId(context) : "*";
        }
        if (context.identity().authenticated()) {
            return context.selectedUserId();
        }
        return plural ? postedId(context) : context.route().objectId();
    }

    /** Anonymous creations and administrators' writes make the account its own owner. */
    @Override
    public String currentPrincipal(RequestContext context) {
        if (!context.identity().authenticated() || administrator(context)) {
            return "account:" + context.parentId();
        }
        return super.currentPrincipal(context);
    }

    @Override
    public JsonObject validate(JsonObject data, String prefix, List<ErrorDetail> errors) {
        JsonValue password = data.get("password");
        if (password == null || password.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(ErrorDetail.of("body", prefix + "password", ColanderMessages.REQUIRED));
        } else if (!(password instanceof JsonString)) {
            errors.add(ErrorDetail.of("body", prefix + "password", ColanderMessages.notAString(password, "password")));
        }
        return data;
    }

    /** Hashes a password given in the request; a user may only write its own account. */
    @Override
    public JsonObject process(RequestContext context, JsonObject object, JsonObject old) {
        JsonObject result = object;
        if (requestData(context).get("password") instanceof JsonString) {
            result = JSON.createObjectBuilder(object)
                    .add("password", Passwords.hash(object.getString("password"))).build();
        }
        boolean anonymous = !context.identity().authenticated();
        if (!anonymous && !administrator(context) && !object.getString("id").equals(context.selectedUserId())) {
            throw InvalidParameters.of("body", "data.id", "Username and account ID do not match.");
        }
        return result;
    }

    private static boolean administrator(RequestContext context) {
        Set<String> admins = new HashSet<>(context.settings().getList("kinto.account_write_principals"));
        admins.retainAll(context.identity().principals());
        return !admins.isEmpty();
    }

    /** The {@code data.id} of a POST, required to know whose account is created. */
    private static String postedId(RequestContext context) {
        if (requestData(context).get("id") instanceof JsonString id) {
            return id.getString();
        }
        if ("POST".equals(context.method())) {
            throw InvalidParameters.of("body", "data.id", "data.id in body: Required");
        }
        throw new KintoException(401, Errno.UNDEFINED, "Cannot read accounts.", null);
    }

    private static JsonObject requestData(RequestContext context) {
        try {
            JsonValue body = JSON.createReader(new java.io.ByteArrayInputStream(context.request().body())).readValue();
            return body instanceof JsonObject object && object.get("data") instanceof JsonObject data
                    ? data : JsonValue.EMPTY_JSON_OBJECT;
        } catch (jakarta.json.JsonException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
