package org.tollgate.aaa.method;

import java.util.Objects;

/**
 * The outcome of one login authentication, by one method or by a whole method list.
 *
 * <p>IOS semantics (Cisco IOS Security Configuration Guide, "Method Lists for Authentication"): a
 * method that <em>answers</em> — accept or reject — ends the list; only a method that is
 * <em>unavailable</em> (server down or unreachable, no local users configured, ...) passes the
 * request to the next method of the list.
 */
public sealed interface AuthResult {

    /** The name of the method that produced this result ({@code local}, {@code group radius}, ...). */
    String method();

    /** The credentials were accepted. */
    record Accepted(String username, String method) implements AuthResult {
        public Accepted {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(method, "method");
        }
    }

    /** The method answered and refused the credentials; the list stops here. */
    record Rejected(String username, String method) implements AuthResult {
        public Rejected {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(method, "method");
        }
    }

    /** The method could not answer; the list moves on to its next method. */
    record Unavailable(String method, String reason) implements AuthResult {
        public Unavailable {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
