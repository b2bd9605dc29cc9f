package org.tollgate.aaa.method;

import java.util.concurrent.CompletableFuture;

/**
 * One method of an {@code aaa authentication login} list: {@code local}, {@code group radius},
 * {@code group NAME}, {@code none}.
 *
 * <p>Contract: {@link #authenticate} never blocks the caller's thread (slow work runs on the
 * method's own executor or virtual threads) and never completes exceptionally for expected
 * outcomes: a dead server is {@link AuthResult.Unavailable}, not an exception.
 */
public interface LoginMethod {

    /** The method as written in the configuration, e.g. {@code local} or {@code group radius}. */
    String name();

    /** Starts one authentication; the future completes with the method's answer. */
    CompletableFuture<AuthResult> authenticate(Credentials credentials);
}
