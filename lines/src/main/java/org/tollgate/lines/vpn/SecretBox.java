package org.tollgate.lines.vpn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of the passwords saved in profiles ({@code enc_GroupPwd}, {@code enc_UserPassword}):
 * AES-256-GCM from the JDK with a random 96-bit IV per value and the profile key name as associated data (a
 * value cannot be moved to another key). The key is 32 random bytes in {@value #KEY_FILE} in the data
 * directory, created on first use with permissions {@code rw-------}. The stored form is lower-case hex of
 * {@code IV || ciphertext || tag}.
 */
final class SecretBox {
    static final String KEY_FILE = "vpnclient.key";
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** Opens (or creates) the key in {@code dataDir}. */
    static SecretBox open(Path dataDir) throws IOException {
        Path file = dataDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Files.write(file, k, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
        byte[] k = Files.readAllBytes(file);
        if (k.length != 32) {
            throw new IOException(file + " is not a 32-byte key");
        }
        return new SecretBox(k);
    }

    String encrypt(String label, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return HexFormat.of().formatHex(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    /** The plain text, or empty when the value is not hex or fails authentication (other key, tampered). */
    Optional<String> decrypt(String label, String hex) {
        try {
            byte[] in = HexFormat.of().parseHex(hex);
            if (in.length < IV_BYTES + 16) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            c.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
