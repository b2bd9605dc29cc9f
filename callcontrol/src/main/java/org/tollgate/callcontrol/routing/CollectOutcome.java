package org.tollgate.callcontrol.routing;

import java.util.List;

/** What digit collection should do after the digits dialled so far ({@link DialPlan#collect}). */
public sealed interface CollectOutcome {
    /** Route now to these peers, in hunt order (never empty). */
    record Route(String called, List<DialPeer> candidates) implements CollectOutcome {
        public Route {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("no candidates");
            }
        }
    }

    /** Keep collecting: more digits may match; restart the inter-digit timer. */
    record NeedMore() implements CollectOutcome {
    }

    /** No peer can match: the number is unallocated. */
    record NoRoute() implements CollectOutcome {
    }
}
