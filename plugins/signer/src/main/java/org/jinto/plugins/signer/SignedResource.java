package org.jinto.plugins.signer;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One line of {@code signer.resources}: a source reviewed and signed into a destination, through an optional
 * preview, per bucket (collection ids null: each collection of the source bucket maps to the same id) or per
 * collection.
 *
 * @param toReviewEnabled a per-resource override of {@code signer.to_review_enabled}, or null
 */
record SignedResource(CollectionRef source, CollectionRef preview, CollectionRef destination, Boolean toReviewEnabled) {

    /** The settings key of this resource: its source bucket or collection URI. */
    String key() {
        return source.collection() == null ? source.bucketUri() : source.collectionUri();
    }

    Optional<CollectionRef> previewRef() {
        return Optional.ofNullable(preview);
    }

    /** The resource of one collection of a per-bucket resource. */
    SignedResource forCollection(String collectionId) {
        return new SignedResource(source.withCollection(collectionId),
                preview == null ? null : preview.withCollection(collectionId),
                destination.withCollection(collectionId), toReviewEnabled);
    }

    SignedResource withToReviewEnabled(Boolean enabled) {
        return new SignedResource(source, preview, destination, enabled);
    }

    /**
     * Setting prefixes from the most to the least specific, as kinto-signer looks them up:
     * {@code signer.<bid>.<cid>.}, {@code signer.<bid>_<cid>.}, {@code signer.<bid>.}, {@code signer.}.
     */
    List<String> settingPrefixes() {
        List<String> prefixes = new ArrayList<>();
        String bucket = source.bucket();
        if (source.collection() != null) {
            prefixes.add("kinto.signer." + bucket + "." + source.collection() + ".");
            prefixes.add("kinto.signer." + bucket + "_" + source.collection() + ".");
        }
        prefixes.add("kinto.signer." + bucket + ".");
        prefixes.add("kinto.signer.");
        return prefixes;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("source", source.toJson())
                .add("destination", destination.toJson());
        if (preview != null) {
            json.add("preview", preview.toJson());
        }
        if (toReviewEnabled != null) {
            json.add("to_review_enabled", toReviewEnabled);
        }
        return json.build();
    }

    /**
     * Parses {@code signer.resources}: one resource per line, {@code source -> [preview ->] destination} (or
     * separated by {@code ;}), as kinto-signer; refuses malformed and repeated URIs.
     *
     * @throws IllegalStateException naming the faulty line
     */
    static Map<String, SignedResource> parseAll(String setting) {
        Map<String, SignedResource> resources = new LinkedHashMap<>();
        Set<CollectionRef> used = new HashSet<>();
        for (String line : setting.strip().split("\n")) {
            SignedResource resource = parse(line.strip());
            if (resources.put(resource.key(), resource) != null) {
                throw malformed(line, "cannot repeat resource");
            }
            for (CollectionRef ref : resource.refs()) {
                if (!used.add(ref)) {
                    throw new IllegalStateException("Setting kinto.signer.resources: cannot repeat URIs across "
                            + "resources (" + ref + ")");
                }
            }
        }
        return resources;
    }

    private List<CollectionRef> refs() {
        List<CollectionRef> refs = new ArrayList<>(List.of(source, destination));
        previewRef().ifPresent(refs::add);
        return refs;
    }

    private static SignedResource parse(String line) {
        if (!line.contains("->") && !line.contains(";")) {
            throw malformed(line, "not separated with '->'");
        }
        String[] uris = line.replace(";", " ").replace("->", " ").strip().split("\\s+");
        if (uris.length != 2 && uris.length != 3) {
            throw malformed(line, "should be a pair or a triplet");
        }
        List<CollectionRef> refs = new ArrayList<>();
        for (String uri : uris) {
            try {
                refs.add(CollectionRef.parse(uri));
            } catch (IllegalArgumentException e) {
                throw malformed(line, e.getMessage());
            }
        }
        long perBucket = refs.stream().filter(r -> r.collection() == null).count();
        if (perBucket != 0 && perBucket != refs.size()) {
            throw malformed(line, "cannot mix bucket and collection URIs");
        }
        if (new HashSet<>(refs).size() != refs.size()) {
            throw malformed(line, "cannot have same value for source, preview or destination");
        }
        return new SignedResource(refs.get(0), refs.size() == 3 ? refs.get(1) : null, refs.get(refs.size() - 1), null);
    }

    private static IllegalStateException malformed(String line, String why) {
        return new IllegalStateException("Setting kinto.signer.resources: malformed resource: " + why + " (in '"
                + line.strip() + "')");
    }
}
