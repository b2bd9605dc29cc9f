package org.tollgate.aaa.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local username database ({@code username NAME password 0|7 PASSWORD}) as the {@code local}
 * method sees it: names mapped to {@link PasswordCheck}s.
 */
public final class LocalUsers {

    private final Map<String, PasswordCheck> users;

    private LocalUsers(Map<String, PasswordCheck> users) {
        this.users = Map.copyOf(users);
    }

    /** From name → check pairs (e.g. adapted from the configuration's users). */
    public static LocalUsers of(Map<String, PasswordCheck> users) {
        return new LocalUsers(users);
    }

    /** From cleartext passwords (tests, and type 0/7 configuration passwords after decoding). */
    public static LocalUsers ofCleartext(Map<String, String> cleartext) {
        Map<String, PasswordCheck> checks = new LinkedHashMap<>();
        cleartext.forEach((name, password) -> checks.put(name, cleartextCheck(password)));
        return new LocalUsers(checks);
    }

    /**
     * A check against a cleartext password: both sides are hashed with SHA-256 and the digests
     * compared with {@link MessageDigest#isEqual}, so neither content nor length leaks through
     * timing (STYLE guideline 11).
     */
    public static PasswordCheck cleartextCheck(String password) {
        byte[] stored = sha256(password);
        return attempt -> MessageDigest.isEqual(stored, sha256(attempt));
    }

    /** The user's password check, if the user exists. */
    public Optional<PasswordCheck> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    public int size() {
        return users.size();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    @Override
    public String toString() {
        return "LocalUsers[" + users.size() + " users]";
    }
}
