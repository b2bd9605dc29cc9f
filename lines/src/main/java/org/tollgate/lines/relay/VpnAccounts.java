package org.tollgate.lines.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The head end's tunnel-client accounts ({@code relayapp --vpn-accounts FILE}).
 *
 * <p>File format, one account per line, blank lines and {@code #} comments ignored:
 * <pre>
 * &lt;group name&gt; &lt;user name&gt; &lt;group password hash&gt; &lt;user password hash&gt;
 * </pre>
 * where a hash is {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} as printed by
 * {@code tollgate relayapp --hash-password} (password read from standard input). Names must not contain
 * white space. Parse errors are returned as values with their line and column.
 */
public final class VpnAccounts {
    /** PBKDF2 iterations for new hashes. */
    public static final int ITERATIONS = 60_000;

    private record Account(String group, String user, String groupHash, String userHash) {}

    /** Result of loading the file. */
    public sealed interface Loaded {}

    public record Ok(VpnAccounts accounts) implements Loaded {}

    public record Error(int line, int column, String message) implements Loaded {}

    private final Map<String, Account> byKey;

    private VpnAccounts(Map<String, Account> byKey) {
        this.byKey = byKey;
    }

    /** Parses the account lines. */
    public static Loaded parse(List<String> lines) {
        Map<String, Account> accounts = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 4) {
                return new Error(i + 1, 1, "expected: <group> <user> <group password hash> <user password hash>");
            }
            for (int k = 2; k < 4; k++) {
                if (!f[k].startsWith("pbkdf2-sha256$") || f[k].split("\\$").length != 4) {
                    return new Error(i + 1, lines.get(i).indexOf(f[k]) + 1, "not a pbkdf2-sha256 hash");
                }
            }
            accounts.put(f[0] + "\0" + f[1], new Account(f[0], f[1], f[2], f[3]));
        }
        return new Ok(new VpnAccounts(accounts));
    }

    public static Loaded load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** True when the group and user exist and both passwords match (constant-time comparisons). */
    public boolean verify(String group, String user, String groupPassword, String userPassword) {
        Account a = byKey.get(group + "\0" + user);
        if (a == null) {
            // same work as a real check so that timing does not reveal which names exist
            hash(groupPassword, new byte[16], ITERATIONS);
            return false;
        }
        boolean g = matches(a.groupHash(), groupPassword);
        boolean u = matches(a.userHash(), userPassword);
        return g & u;
    }

    /** A new hash of {@code password} with a random salt. */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(hash(password, salt, ITERATIONS));
    }

    static boolean matches(String stored, String password) {
        String[] f = stored.split("\\$");
        try {
            int iterations = Integer.parseInt(f[1]);
            byte[] salt = Base64.getDecoder().decode(f[2]);
            byte[] expected = Base64.getDecoder().decode(f[3]);
            return MessageDigest.isEqual(expected, hash(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
