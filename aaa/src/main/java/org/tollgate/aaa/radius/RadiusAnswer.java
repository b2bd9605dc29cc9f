package org.tollgate.aaa.radius;

import java.util.List;
import java.util.Objects;

/** What one RADIUS server said to one Access-Request. */
public sealed interface RadiusAnswer {

    /** Access-Accept, with its Cisco-AVPair values (e.g. for authorization). */
    record Accept(String server, List<String> ciscoAvPairs) implements RadiusAnswer {
        public Accept {
            Objects.requireNonNull(server, "server");
            ciscoAvPairs = List.copyOf(ciscoAvPairs);
        }
    }

    /** Access-Reject (an Access-Challenge is treated as a reject: the FAC flow has no challenge step). */
    record Reject(String server) implements RadiusAnswer {
        public Reject {
            Objects.requireNonNull(server, "server");
        }
    }

    /**
     * No valid answer: timeouts after every retransmission, ICMP unreachable, or only replies that
     * failed the Response Authenticator / Message-Authenticator checks (e.g. a wrong shared secret).
     */
    record NoAnswer(String server, String reason) implements RadiusAnswer {
        public NoAnswer {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
