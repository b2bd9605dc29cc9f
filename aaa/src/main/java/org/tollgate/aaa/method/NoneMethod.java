package org.tollgate.aaa.method;

import java.util.concurrent.CompletableFuture;

/** The IOS {@code none} method: accepts everyone (useful only as the last method of a list). */
public final class NoneMethod implements LoginMethod {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public CompletableFuture<AuthResult> authenticate(Credentials credentials) {
        return CompletableFuture.completedFuture(new AuthResult.Accepted(credentials.username(), name()));
    }
}
