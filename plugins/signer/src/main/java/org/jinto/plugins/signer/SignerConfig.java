package org.jinto.plugins.signer;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jinto.api.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signer settings as kinto-signer reads them: the resources of {@code signer.resources} (default Remote
 * Settings' {@code main-workspace -> main-preview -> main}), each resource's settings looked up from the most
 * specific prefix ({@code signer.<bid>.<cid>.to_review_enabled}) to the server-wide one, and the group names.
 */
final class SignerConfig {

    static final String DEFAULT_RESOURCES = "/buckets/main-workspace -> /buckets/main-preview -> /buckets/main";
    /** Prefixes of bucket-wide backend settings, which do not name a collection. */
    private static final Set<String> BACKEND_SECTIONS = Set.of("autograph", "ecdsa");

    private final Settings settings;
    private final Map<String, SignedResource> resources;
    private final boolean toReviewEnabled;

    private SignerConfig(Settings settings, Map<String, SignedResource> resources, boolean toReviewEnabled) {
        this.settings = settings;
        this.resources = resources;
        this.toReviewEnabled = toReviewEnabled;
    }

    /** @throws IllegalStateException on a malformed setting */
    static SignerConfig from(Settings settings) {
        boolean toReviewEnabled = settings.getBoolean("kinto.signer.to_review_enabled", false);
        Map<String, SignedResource> parsed = SignedResource.parseAll(
                settings.get("kinto.signer.resources", DEFAULT_RESOURCES));
        Map<String, SignedResource> resources = new LinkedHashMap<>(parsed);
        // A per-bucket resource with collection-specific settings becomes a resource of that collection.
        for (SignedResource resource : parsed.values()) {
            if (resource.source().collection() != null) {
                continue;
            }
            Pattern specific = Pattern.compile("(?:kinto\\.)?signer\\." + Pattern.quote(resource.source().bucket())
                    + "\\.([^.]+)\\..+");
            for (String key : settings.keys()) {
                Matcher match = specific.matcher(key);
                if (match.matches() && !BACKEND_SECTIONS.contains(match.group(1))) {
                    SignedResource collection = resource.forCollection(match.group(1));
                    resources.putIfAbsent(collection.key(), collection);
                }
            }
        }
        SignerConfig config = new SignerConfig(settings, resources, toReviewEnabled);
        resources.replaceAll((key, resource) -> {
            boolean enabled = config.setting(resource, "to_review_enabled").map(SignerConfig::asBool)
                    .orElse(toReviewEnabled);
            return resource.withToReviewEnabled(enabled == toReviewEnabled ? null : enabled);
        });
        return config;
    }

    Map<String, SignedResource> resources() {
        return resources;
    }

    /** The resource signing this collection (configured for it, or for its bucket), with its collection ids. */
    Optional<SignedResource> pick(String bucketId, String collectionId) {
        SignedResource specific = resources.get("/buckets/" + bucketId + "/collections/" + collectionId);
        if (specific != null) {
            return Optional.of(specific);
        }
        return Optional.ofNullable(resources.get("/buckets/" + bucketId)).map(r -> r.forCollection(collectionId));
    }

    /** The resource whose preview or destination is this collection, if any. */
    Optional<SignedResource> publishingTo(String bucketId, String collectionId) {
        for (SignedResource resource : resources.values()) {
            SignedResource candidate = resource.source().collection() == null
                    ? resource.forCollection(collectionId) : resource;
            boolean target = candidate.destination().equals(new CollectionRef(bucketId, collectionId))
                    || candidate.previewRef().filter(p -> p.equals(new CollectionRef(bucketId, collectionId)))
                    .isPresent();
            if (target && pick(candidate.source().bucket(), candidate.source().collection())
                    .filter(candidate::equals).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The first value of {@code signer.<prefix>.<name>} from the resource's most specific prefix. */
    Optional<String> setting(SignedResource resource, String name) {
        return resource.settingPrefixes().stream().map(prefix -> settings.get(prefix + name))
                .flatMap(Optional::stream).findFirst();
    }

    boolean toReviewEnabled(SignedResource resource) {
        return resource.toReviewEnabled() != null ? resource.toReviewEnabled() : toReviewEnabled;
    }

    boolean groupCheckEnabled(SignedResource resource) {
        return setting(resource, "group_check_enabled").map(SignerConfig::asBool).orElse(true);
    }

    String editorsGroup(SignedResource resource) {
        return groupName(resource, "editors_group", "{collection_id}-editors");
    }

    String reviewersGroup(SignedResource resource) {
        return groupName(resource, "reviewers_group", "{collection_id}-reviewers");
    }

    private String groupName(SignedResource resource, String setting, String defaultPattern) {
        return setting(resource, setting).orElse(defaultPattern)
                .replace("{collection_id}", resource.source().collection());
    }

    /** The {@code signer} capability's members, as kinto-signer exposes them. */
    JsonObject capability() {
        JsonArrayBuilder exposed = JSON.createArrayBuilder();
        resources.values().forEach(r -> exposed.add(r.toJson()));
        return JSON.createObjectBuilder()
                .add("resources", exposed)
                .add("plugin_userid", SignerPlugin.PLUGIN_USERID)
                .add("group_check_enabled", settings.getBoolean("kinto.signer.group_check_enabled", true))
                .add("editors_group", settings.get("kinto.signer.editors_group", "{collection_id}-editors"))
                .add("reviewers_group", settings.get("kinto.signer.reviewers_group", "{collection_id}-reviewers"))
                .add("to_review_enabled", toReviewEnabled)
                .build();
    }

    private static boolean asBool(String value) {
        return List.of("true", "yes", "on", "1").contains(value.strip().toLowerCase());
    }
}
