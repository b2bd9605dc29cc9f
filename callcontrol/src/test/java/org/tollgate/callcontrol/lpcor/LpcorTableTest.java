package org.tollgate.callcontrol.lpcor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.cause.Q850Cause;

class LpcorTableTest {
    /** The seed's groups and PSTNTrunk policy (FAC/LPCOR spec section 1). */
    static LpcorTable seed() {
        List<LpcorGroup> groups = List.of(new LpcorGroup(10, "Manager"), new LpcorGroup(11, "LocalUser"),
                new LpcorGroup(12, "RemoteUser"), new LpcorGroup(13, "PSTNTrunk"), new LpcorGroup(14, "IPTrunk"));
        LpcorPolicy pstn = LpcorPolicy.of("PSTNTrunk").withServiceFac(true)
                .with("Manager", LpcorAccess.ACCEPT)
                .with("LocalUser", LpcorAccess.ACCEPT_FAC)
                .with("RemoteUser", LpcorAccess.ACCEPT_FAC);
        return new LpcorTable(true, groups, Map.of("PSTNTrunk", pstn), LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
    }

    @DisplayName("Seed PSTNTrunk rules: Manager accepted, Local/RemoteUser need FAC, IPTrunk rejected, PSTNTrunk (own group, no line) accepted")
    @ParameterizedTest(name = "{0} -> PSTNTrunk: {1}")
    @CsvSource({
            "Manager, ACCEPT",
            "LocalUser, FAC",
            "RemoteUser, FAC",
            "IPTrunk, REJECT",
            "PSTNTrunk, ACCEPT",
    })
    void seedPstnTrunkPolicy(String source, String expected) {
        LpcorDecision d = seed().decide(Optional.of(source), Optional.of("PSTNTrunk"));
        switch (expected) {
            case "ACCEPT" -> assertInstanceOf(LpcorDecision.Accept.class, d);
            case "FAC" -> assertEquals(new LpcorDecision.RequireFac("PSTNTrunk"), d);
            case "REJECT" -> assertEquals(new LpcorDecision.Reject("PSTNTrunk", Q850Cause.of(63)), d);
            default -> throw new IllegalArgumentException(expected);
        }
    }

    @Test
    @DisplayName("Seed rule 'PSTN/IP trunk calls ending in PSTNTrunk are rejected' holds once 'no accept PSTNTrunk' is configured")
    void ownGroupBlockedByNoAccept() {
        LpcorTable t = seed();
        LpcorPolicy p = t.policy("PSTNTrunk").orElseThrow().with("PSTNTrunk", LpcorAccess.REJECT);
        LpcorTable t2 = new LpcorTable(true, t.groups(), Map.of("PSTNTrunk", p), t.callBlockCause());
        assertInstanceOf(LpcorDecision.Reject.class, t2.decide(Optional.of("PSTNTrunk"), Optional.of("PSTNTrunk")));
        assertInstanceOf(LpcorDecision.Reject.class, t2.decide(Optional.of("IPTrunk"), Optional.of("PSTNTrunk")));
    }

    @Test
    @DisplayName("A destination group without a policy accepts calls from every group")
    void groupWithoutPolicyAcceptsAll() {
        assertInstanceOf(LpcorDecision.Accept.class, seed().decide(Optional.of("IPTrunk"), Optional.of("Manager")));
    }

    @Test
    @DisplayName("Without 'service fac' an 'accept G fac' line accepts plainly")
    void facLineWithoutServiceFacAccepts() {
        LpcorTable t = seed();
        LpcorPolicy p = t.policy("PSTNTrunk").orElseThrow().withServiceFac(false);
        LpcorTable t2 = new LpcorTable(true, t.groups(), Map.of("PSTNTrunk", p), t.callBlockCause());
        assertInstanceOf(LpcorDecision.Accept.class, t2.decide(Optional.of("LocalUser"), Optional.of("PSTNTrunk")));
    }

    @Test
    @DisplayName("Endpoints without a group, or LPCOR not enabled, are not restricted")
    void noGroupOrDisabledAccepts() {
        assertInstanceOf(LpcorDecision.Accept.class, seed().decide(Optional.empty(), Optional.of("PSTNTrunk")));
        assertInstanceOf(LpcorDecision.Accept.class, seed().decide(Optional.of("IPTrunk"), Optional.empty()));
        LpcorTable off = new LpcorTable(false, seed().groups(), seed().policies(), Q850Cause.of(63));
        assertInstanceOf(LpcorDecision.Accept.class, off.decide(Optional.of("IPTrunk"), Optional.of("PSTNTrunk")));
    }

    @Test
    @DisplayName("'voice lpcor call-block cause' is the cause of a rejection")
    void callBlockCauseUsed() {
        LpcorTable t = new LpcorTable(true, seed().groups(), seed().policies(), Q850Cause.INVALID_NUMBER_FORMAT);
        assertEquals(new LpcorDecision.Reject("PSTNTrunk", Q850Cause.of(28)),
                t.decide(Optional.of("IPTrunk"), Optional.of("PSTNTrunk")));
    }
}
