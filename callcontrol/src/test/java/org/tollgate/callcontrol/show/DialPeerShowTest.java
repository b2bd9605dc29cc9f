package org.tollgate.callcontrol.show;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;

class DialPeerShowTest {
    @Test
    @DisplayName("show dial-peer voice summary: one IOS-style row per peer in tag order, columns under the header")
    void summary() {
        String out = DialPeerShow.summary(new DialPlan(List.of(
                DialPeer.voip(100, "9T", "ipv4:192.0.2.10:5060").withPreference(2),
                DialPeer.pots(11, "99329", "0/1/1").withHuntstop(true))));
        String[] lines = out.split("\n");
        assertEquals(5, lines.length);
        assertEquals("dial-peer hunt 0", lines[0]);
        assertEquals(List.of("11", "pots", "up", "up", "99329", "0", "up", "0/1/1", "huntstop"),
                List.of(lines[3].trim().split("\\s+")));
        assertEquals(List.of("100", "voip", "up", "up", "9T", "2", "syst", "ipv4:192.0.2.10:5060", "up"),
                List.of(lines[4].trim().split("\\s+")));
        assertEquals(lines[2].indexOf("DEST-PATTERN"), lines[3].indexOf("99329"));
        assertEquals(lines[2].indexOf("SESS-TARGET"), lines[4].indexOf("ipv4:"));
    }
}
