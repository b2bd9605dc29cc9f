package org.tollgate.aaa.authpkg;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One running FAC application: its result, and the hang-up hook that interrupts it.
 */
public final class FacSession {

    private final String callId;
    private final Thread thread;
    private final CompletableFuture<FacResult> result;

    FacSession(String callId, Thread thread, CompletableFuture<FacResult> result) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.thread = thread;
        this.result = result;
    }

    public String callId() {
        return callId;
    }

    /**
     * Completes once with the outcome ({@link FacResult.HungUp} after {@link #hangUp()}). Dependent
     * stages run on the IVR thread unless an executor is given: call control should hand them to
     * its own mailbox ({@code thenAcceptAsync(r, callMailbox)}).
     */
    public CompletableFuture<FacResult> result() {
        return result;
    }

    /** The caller hung up: stops prompt and collection at once. Never blocks. */
    public void hangUp() {
        thread.interrupt();
    }
}
