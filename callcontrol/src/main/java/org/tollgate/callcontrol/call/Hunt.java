package org.tollgate.callcontrol.call;

import java.util.List;
import java.util.Optional;

import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.routing.DialPeer;

/**
 * Progress through the matching dial-peers for {@code called}: {@code index} is the peer being
 * tried; {@code lastFailure} the cause of the last failed attempt (the final cause when hunting
 * ends without success).
 */
public record Hunt(String called, List<DialPeer> candidates, int index, Optional<Q850Cause> lastFailure) {
    public Hunt {
        candidates = List.copyOf(candidates);
    }

    public static Hunt of(String called, List<DialPeer> candidates) {
        return new Hunt(called, candidates, 0, Optional.empty());
    }

    public DialPeer current() {
        return candidates.get(index);
    }

    public boolean exhausted() {
        return index >= candidates.size();
    }

    /** The next peer, after the current one failed with {@code cause}. */
    public Hunt failed(Q850Cause cause) {
        return new Hunt(called, candidates, index + 1, Optional.of(cause));
    }
}
