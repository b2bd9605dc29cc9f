package org.tollgate.aaa.radius;

import java.util.Objects;

/** The outcome of sending one accounting record. */
public sealed interface AccountingAnswer {

    /** A server acknowledged the record with a valid Accounting-Response. */
    record Acknowledged(String server) implements AccountingAnswer {
        public Acknowledged {
            Objects.requireNonNull(server, "server");
        }
    }

    /** No server acknowledged it (all timed out, unreachable, dead, or gave invalid replies). */
    record NotAcknowledged(String reason) implements AccountingAnswer {
        public NotAcknowledged {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
