package org.tollgate.callcontrol.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DialPlanTest {
    private static List<Integer> tags(List<DialPeer> peers) {
        return peers.stream().map(DialPeer::tag).toList();
    }

    @Test
    @DisplayName("Longest (most explicit) match first, then preference, then lower tag")
    void huntOrder() {
        DialPlan plan = new DialPlan(List.of(
                DialPeer.pots(1, "9T", "0/1/0"),
                DialPeer.pots(2, "9....", "0/1/1").withPreference(1),
                DialPeer.pots(3, "9....", "0/1/2"),
                DialPeer.pots(4, "91...", "0/1/3"),
                DialPeer.pots(5, "9[1-3]...", "0/1/4"),
                DialPeer.pots(6, "9....", "0/1/5")));
        assertEquals(List.of(4, 5, 3, 6, 2, 1), tags(plan.candidates("91234")));
    }

    @Test
    @DisplayName("Collection routes at once when no longer match is possible")
    void routesWhenUnambiguous() {
        DialPlan plan = new DialPlan(List.of(DialPeer.pots(11, "99329", "0/1/1")));
        assertInstanceOf(CollectOutcome.NeedMore.class, plan.collect("9932", false));
        CollectOutcome.Route r = assertInstanceOf(CollectOutcome.Route.class, plan.collect("99329", false));
        assertEquals(List.of(11), tags(r.candidates()));
        assertInstanceOf(CollectOutcome.NoRoute.class, plan.collect("8", false));
    }

    @Test
    @DisplayName("Overlapping or T patterns wait for the end of collection (inter-digit timeout or #)")
    void waitsOnAmbiguity() {
        DialPlan plan = new DialPlan(List.of(DialPeer.pots(1, "1234", "0/1/0"), DialPeer.pots(2, "12345", "0/1/1"),
                DialPeer.voip(3, "9T", "ipv4:10.0.0.1")));
        assertInstanceOf(CollectOutcome.NeedMore.class, plan.collect("1234", false));
        assertEquals(List.of(1), tags(((CollectOutcome.Route) plan.collect("1234", true)).candidates()));
        assertInstanceOf(CollectOutcome.NeedMore.class, plan.collect("95551234", false));
        assertEquals(List.of(3), tags(((CollectOutcome.Route) plan.collect("95551234", true)).candidates()));
    }
}
