package org.tollgate.callcontrol.show;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.lpcor.LpcorAccess;
import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;

class LpcorShowTest {
    static LpcorTable seed() {
        return new LpcorTable(true,
                List.of(new LpcorGroup(10, "Manager"), new LpcorGroup(11, "LocalUser"), new LpcorGroup(12, "RemoteUser"),
                        new LpcorGroup(13, "PSTNTrunk"), new LpcorGroup(14, "IPTrunk")),
                Map.of("PSTNTrunk", LpcorPolicy.of("PSTNTrunk").withServiceFac(true)
                        .with("Manager", LpcorAccess.ACCEPT)
                        .with("LocalUser", LpcorAccess.ACCEPT_FAC)
                        .with("RemoteUser", LpcorAccess.ACCEPT_FAC)),
                LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
    }

    @Test
    @DisplayName("show voice lpcor policy PSTNTrunk prints the seed's shape, FAC-gated sources as '( accept fac )'")
    void seedPolicyShape() {
        assertEquals("""
                voice lpcor policy PSTNTrunk (group 13):
                service fac is enabled
                  ( accept     ) Manager (group 10)
                  ( accept fac ) LocalUser (group 11)
                  ( accept fac ) RemoteUser (group 12)
                  ( accept     ) PSTNTrunk (group 13)
                  ( reject     ) IPTrunk (group 14)
                """, LpcorShow.policy(seed(), Optional.of("PSTNTrunk")));
    }

    @Test
    @DisplayName("without service fac the policy says so and FAC-gated sources show as plainly accepted")
    void noServiceFac() {
        LpcorTable t = new LpcorTable(true, List.of(new LpcorGroup(11, "LocalUser"), new LpcorGroup(12, "AnalogPhone")),
                Map.of("AnalogPhone", LpcorPolicy.of("AnalogPhone").with("LocalUser", LpcorAccess.ACCEPT_FAC)
                        .with("AnalogPhone", LpcorAccess.REJECT)), LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
        assertEquals("""
                voice lpcor policy AnalogPhone (group 12):
                service fac is disabled
                  ( accept     ) LocalUser (group 11)
                  ( reject     ) AnalogPhone (group 12)
                """, LpcorShow.policy(t, Optional.empty()));
    }

    @Test
    @DisplayName("an unknown policy name gets an IOS-style % line")
    void unknownPolicy() {
        assertEquals("% LPCOR policy Nope is not configured\n", LpcorShow.policy(seed(), Optional.of("Nope")));
    }

    @Test
    @DisplayName("show voice lpcor custom lists groups in number order with whether each has a policy")
    void custom() {
        String out = LpcorShow.custom(seed());
        assertEquals("""
                voice lpcor is enabled, call-block cause 63 (0x3F)
                voice lpcor custom (5 groups):
                  group 10 Manager          policy: no (accepts all)
                  group 11 LocalUser        policy: no (accepts all)
                  group 12 RemoteUser       policy: no (accepts all)
                  group 13 PSTNTrunk        policy: yes
                  group 14 IPTrunk          policy: no (accepts all)
                """, out.replace("\r\n", "\n"));
    }
}
