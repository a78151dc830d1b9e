package org.jinto.resource;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How a resource type names its objects: the pattern an id given by the client must match, and how the server
 * generates one (Kinto's {@code kinto.core.storage.generators} and {@code kinto.views} generators).
 */
public record IdGenerator(Pattern pattern, Supplier<String> generator) {

    /** Kinto's default object id pattern. */
    public static final Pattern DEFAULT_PATTERN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]*$");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String NAME_ALPHABET = ALPHANUMERIC + "-_";

    /** Buckets, collections, groups: 8 characters, the first alphanumeric (Kinto's {@code NameGenerator}). */
    public static final IdGenerator NAME = new IdGenerator(DEFAULT_PATTERN, IdGenerator::name);

    /** Records: UUID4 generated, any id of the default pattern accepted (Kinto's {@code RelaxedUUID}). */
    public static final IdGenerator RELAXED_UUID = new IdGenerator(DEFAULT_PATTERN, () -> UUID.randomUUID().toString());

    public boolean matches(String id) {
        return id != null && pattern.matcher(id).matches();
    }

    public String generate() {
        return generator.get();
    }

    static String name() {
        StringBuilder id = new StringBuilder(8);
        id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        for (int i = 1; i < 8; i++) {
            id.append(NAME_ALPHABET.charAt(RANDOM.nextInt(NAME_ALPHABET.length())));
        }
        return id.toString();
    }
}
