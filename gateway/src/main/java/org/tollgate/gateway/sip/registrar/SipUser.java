package org.tollgate.gateway.sip.registrar;

import java.util.Objects;
import java.util.Optional;

/**
 * A number that SIP phones may register as: from {@code voice register dn}, {@code voice register
 * pool} or {@code ephone-dn} (an ephone-dn number is a SIP user too).
 *
 * @param number the user part phones register (the AOR user), e.g. {@code 786786}
 * @param credentials digest credentials of the pool, if it has {@code username}/{@code password}
 * @param lpcorIncoming the LPCOR group of calls to this user ({@code lpcor incoming} of its pool or ephone)
 * @param lpcorOutgoing the LPCOR group of calls from this user ({@code lpcor outgoing})
 * @param origin which configuration entry defined the user (for {@code show} output and logs)
 */
public record SipUser(String number, Optional<Credentials> credentials, Optional<String> lpcorIncoming,
        Optional<String> lpcorOutgoing, String origin) {

    /** Validates that the number is non-empty. */
    public SipUser {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(lpcorIncoming, "lpcorIncoming");
        Objects.requireNonNull(lpcorOutgoing, "lpcorOutgoing");
        Objects.requireNonNull(origin, "origin");
        if (number.isEmpty()) {
            throw new IllegalArgumentException("empty SIP user number");
        }
    }

    /** A user without credentials. */
    public static SipUser open(String number, String origin) {
        return new SipUser(number, Optional.empty(), Optional.empty(), Optional.empty(), origin);
    }

    /** A user with digest credentials. */
    public static SipUser withPassword(String number, String username, String password, String origin) {
        return new SipUser(number, Optional.of(new Credentials(username, password)), Optional.empty(), Optional.empty(),
                origin);
    }

    /**
     * Digest credentials. The password never appears in {@link #toString()}.
     *
     * @param username the digest user name
     * @param password the shared secret
     */
    public record Credentials(String username, String password) {
        /** Validates non-null. */
        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }
}
