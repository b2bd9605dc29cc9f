package org.tollgate.aaa.method;

import java.util.Objects;

/**
 * A login attempt: the username (for FAC, the authorization code the caller keyed) and the password.
 *
 * <p>The password is a secret (STYLE guideline 11): {@link #toString()} never shows it, and nothing in
 * the {@code aaa} module logs or stores it. The username is not secret: the FAC digits go into the
 * call records and {@code show call} output by design (spec fac-lpcor §2 step 6).
 *
 * @param username the username / authorization code, never null (may be empty)
 * @param password the password digits, never null (may be empty)
 */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=<hidden>]";
    }
}
