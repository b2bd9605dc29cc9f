package org.tollgate.config.secret;

/**
 * A configured credential that can check an attempt without revealing itself.
 *
 * <p>Two kinds exist: a {@link Password} (IOS type 0 or 7: the clear text is known, because IOS
 * needs it for CHAP and for {@code service password-encryption} printing) and a {@link HashedSecret}
 * (IOS type 5, 8 or 9: only a one-way hash is kept). {@link #matches(String)} compares in constant
 * time; {@code toString()} never shows the secret.
 */
public sealed interface Secret permits Password, HashedSecret {

    /** True when {@code attempt} is this secret; constant-time comparison ({@code MessageDigest.isEqual}). */
    boolean matches(String attempt);
}
