package org.tollgate.cdr.sink.radius;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one Accounting-Request (RFC 2866) built from {@code attributes} and completes with the
 * outcome: implemented by the gateway over {@code aaa}'s RADIUS accounting client (the
 * {@code aaa accounting connection h323 ... group ...} list). Must not throw; a missing server or
 * a timeout is a {@link Ack.NotAcknowledged}.
 */
@FunctionalInterface
public interface RadiusAccountingPort {
    CompletableFuture<Ack> send(List<AccountingAttribute> attributes);

    /** Whether a RADIUS server acknowledged the request. */
    sealed interface Ack {
        record Acknowledged(String server) implements Ack {
        }

        record NotAcknowledged(String reason) implements Ack {
        }
    }
}
