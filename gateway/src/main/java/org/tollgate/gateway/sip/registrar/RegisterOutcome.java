package org.tollgate.gateway.sip.registrar;

import java.util.List;
import org.tollgate.gateway.sip.auth.DigestChallenge;

/** What the registrar decided for one REGISTER; the edge turns it into a SIP response. */
public sealed interface RegisterOutcome {

    /** 200 OK listing every current binding of the AOR (RFC 3261 10.3 step 8). */
    record Registered(String aor, List<Binding> bindings) implements RegisterOutcome {
        /** Copies the list. */
        public Registered {
            bindings = List.copyOf(bindings);
        }
    }

    /** 401 Unauthorized with one {@code WWW-Authenticate} per challenge, preferred first (RFC 8760). */
    record Challenge(List<DigestChallenge> challenges) implements RegisterOutcome {
        /** Copies the list. */
        public Challenge {
            challenges = List.copyOf(challenges);
        }
    }

    /** 423 Interval Too Brief with {@code Min-Expires} (RFC 3261 10.3 step 7). */
    record IntervalTooBrief(long minExpires) implements RegisterOutcome {
    }

    /** Another final rejection: 400 (malformed), 403 (forbidden), 404 (unknown AOR), 500 (out of order). */
    record Rejected(int status, String reason) implements RegisterOutcome {
    }
}
