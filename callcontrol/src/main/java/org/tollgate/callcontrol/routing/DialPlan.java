package org.tollgate.callcontrol.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outbound dial-peers and the rules that pick, order and hunt them.
 *
 * <h2>Collection ({@link #collect(String, boolean)})</h2>
 * After each digit: if some peer matches completely and no peer could match a longer string,
 * route at once; if a longer match is still possible (overlapping patterns, {@code T}, {@code %},
 * {@code +}), keep collecting and route when collection ends (inter-digit timeout, {@code #});
 * if no peer matches even partially, the number is unallocated.
 *
 * <h2>Hunt order ({@link #ORDER})</h2>
 * Among the peers matching the complete number: (1) more explicit digits in the pattern first
 * (longest match), (2) more {@code [..]} digit sets first (a set is more specific than {@code .}),
 * (3) fixed-length patterns before variable ones, (4) lower {@code preference} first,
 * (5) lower dial-peer tag first. IOS picks randomly among fully equal peers; tollgate uses the
 * tag so that hunting is reproducible.
 */
public record DialPlan(List<DialPeer> peers) {
    /** The hunt order described in the class comment. */
    public static final Comparator<DialPeer> ORDER = Comparator
            .comparingInt((DialPeer p) -> -p.pattern().literalDigits())
            .thenComparingInt(p -> -p.pattern().classPositions())
            .thenComparing(p -> p.pattern().variable())
            .thenComparingInt(DialPeer::preference)
            .thenComparingInt(DialPeer::tag);

    public DialPlan {
        peers = List.copyOf(peers);
    }

    /**
     * Decides what to do with {@code dialled} so far. {@code ended}: collection is over (inter-digit
     * timeout, {@code #}, or a complete number given at once, e.g. by SIP).
     */
    public CollectOutcome collect(String dialled, boolean ended) {
        List<DialPeer> full = new ArrayList<>();
        boolean pending = false;
        for (DialPeer p : peers) {
            if (ended) {
                if (p.pattern().matchesComplete(dialled)) {
                    full.add(p);
                }
                continue;
            }
            switch (p.pattern().match(dialled)) {
                case FULL -> full.add(p);
                case FULL_EXTENSIBLE -> {
                    full.add(p);
                    pending = true;
                }
                case PARTIAL -> pending = true;
                case NONE -> {
                }
            }
        }
        if (!ended && pending) {
            return new CollectOutcome.NeedMore();
        }
        if (full.isEmpty()) {
            return new CollectOutcome.NoRoute();
        }
        full.sort(ORDER);
        return new CollectOutcome.Route(dialled, full);
    }

    /** The peers that match the complete number {@code called}, in hunt order. */
    public List<DialPeer> candidates(String called) {
        return collect(called, true) instanceof CollectOutcome.Route r ? r.candidates() : List.of();
    }

    /** The peer with this tag. */
    public java.util.Optional<DialPeer> peer(int tag) {
        return peers.stream().filter(p -> p.tag() == tag).findFirst();
    }
}
