package org.tollgate.config.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.commons.codec.digest.Md5Crypt;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * A one-way hashed secret in an IOS format ({@code enable secret N X}, {@code username U secret N X}).
 *
 * <ul>
 *   <li>type 5: {@code $1$salt$hash}, md5-crypt (verified with commons-codec {@link Md5Crypt}).</li>
 *   <li>type 8: {@code $8$salt$hash}, PBKDF2-HMAC-SHA256, 20000 iterations, 32 bytes (JDK).</li>
 *   <li>type 9: {@code $9$salt$hash}, scrypt N=16384 r=1 p=1, 32 bytes (BouncyCastle {@link SCrypt}).</li>
 * </ul>
 * Salts of types 8 and 9 are 14 characters of the crypt alphabet {@code ./0-9A-Za-z}, used as ASCII
 * bytes; the hash is base64 in the same alphabet without padding (43 characters), as IOS does.
 * New secrets entered in the clear ({@code enable secret 0 X}) are hashed as type 9.
 *
 * @param type 5, 8 or 9
 * @param encoded the full {@code $N$salt$hash} text
 */
public record HashedSecret(int type, String encoded) implements Secret {
    private static final String CRYPT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String STD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final Pattern TYPE5 = Pattern.compile("\\$1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}");
    private static final Pattern TYPE89 = Pattern.compile("\\$[89]\\$[./0-9A-Za-z]{14}\\$[./0-9A-Za-z]{43}");
    private static final int PBKDF2_ITERATIONS = 20_000;
    private static final int SCRYPT_N = 16_384;
    private static final int HASH_BYTES = 32;
    private static final int SALT_CHARS = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checks the format for the type. */
    public HashedSecret {
        if (!valid(type, encoded)) {
            throw new IllegalArgumentException("not a valid type " + type + " secret");
        }
    }

    /** The secret when {@code encoded} is a well-formed hash of {@code type}; empty otherwise. */
    public static Optional<HashedSecret> parse(int type, String encoded) {
        return valid(type, encoded) ? Optional.of(new HashedSecret(type, encoded)) : Optional.empty();
    }

    private static boolean valid(int type, String encoded) {
        if (encoded == null) {
            return false;
        }
        return switch (type) {
            case 5 -> TYPE5.matcher(encoded).matches();
            case 8 -> TYPE89.matcher(encoded).matches() && encoded.startsWith("$8$");
            case 9 -> TYPE89.matcher(encoded).matches() && encoded.startsWith("$9$");
            default -> false;
        };
    }

    /** Hashes a clear text as type 9 (scrypt) with a fresh random salt. */
    public static HashedSecret hashType9(String clear) {
        return hashType9(clear, randomSalt());
    }

    /** Hashes a clear text as type 9 with the given 14-character salt (tests use fixed salts). */
    public static HashedSecret hashType9(String clear, String salt) {
        return new HashedSecret(9, "$9$" + salt + "$" + scrypt(clear, salt));
    }

    /** Hashes a clear text as type 8 (PBKDF2-SHA256) with a fresh random salt. */
    public static HashedSecret hashType8(String clear) {
        String salt = randomSalt();
        return new HashedSecret(8, "$8$" + salt + "$" + pbkdf2(clear, salt));
    }

    /** Hashes a clear text as type 5 (md5-crypt) with a fresh random salt. */
    public static HashedSecret hashType5(String clear) {
        return new HashedSecret(5, Md5Crypt.md5Crypt(clear.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean matches(String attempt) {
        if (attempt == null) {
            return false;
        }
        String computed = switch (type) {
            case 5 -> Md5Crypt.md5Crypt(attempt.getBytes(StandardCharsets.UTF_8), encoded);
            case 8 -> "$8$" + salt() + "$" + pbkdf2(attempt, salt());
            case 9 -> "$9$" + salt() + "$" + scrypt(attempt, salt());
            default -> throw new IllegalStateException("unsupported type " + type);
        };
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                encoded.getBytes(StandardCharsets.US_ASCII));
    }

    private String salt() {
        int end = encoded.indexOf('$', 3);
        return encoded.substring(3, end);
    }

    private static String randomSalt() {
        StringBuilder s = new StringBuilder(SALT_CHARS);
        for (int i = 0; i < SALT_CHARS; i++) {
            s.append(CRYPT_ALPHABET.charAt(RANDOM.nextInt(CRYPT_ALPHABET.length())));
        }
        return s.toString();
    }

    private static String scrypt(String clear, String salt) {
        byte[] out = SCrypt.generate(clear.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.US_ASCII),
                SCRYPT_N, 1, 1, HASH_BYTES);
        return cryptBase64(out);
    }

    private static String pbkdf2(String clear, String salt) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            PBEKeySpec spec = new PBEKeySpec(clear.toCharArray(), salt.getBytes(StandardCharsets.US_ASCII),
                    PBKDF2_ITERATIONS, HASH_BYTES * 8);
            return cryptBase64(f.generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    private static String cryptBase64(byte[] bytes) {
        String std = Base64.getEncoder().withoutPadding().encodeToString(bytes);
        StringBuilder out = new StringBuilder(std.length());
        for (int i = 0; i < std.length(); i++) {
            out.append(CRYPT_ALPHABET.charAt(STD_ALPHABET.indexOf(std.charAt(i))));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "HashedSecret[type " + type + "]";
    }
}
