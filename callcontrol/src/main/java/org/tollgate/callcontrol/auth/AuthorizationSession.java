package org.tollgate.callcontrol.auth;

import java.util.concurrent.CompletionStage;

/** One running authorization step, as returned by {@link AuthorizationApplication#authorize}. */
public interface AuthorizationSession {
    /** Completes once with the outcome. */
    CompletionStage<AuthorizationResult> result();

    /** The caller hung up: stop prompting and collecting at once. Never blocks. */
    void hangUp();

    /** A session for an already known result (fakes, immediate refusals). */
    static AuthorizationSession completed(AuthorizationResult result) {
        java.util.concurrent.CompletableFuture<AuthorizationResult> f =
                java.util.concurrent.CompletableFuture.completedFuture(result);
        return new AuthorizationSession() {
            @Override
            public CompletionStage<AuthorizationResult> result() {
                return f;
            }

            @Override
            public void hangUp() {
            }
        };
    }
}
