package org.tollgate.gateway.sip.cause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Q850ReasonTest {

    @Test
    @DisplayName("RFC 3326: generated Reason header carries protocol, cause and quoted text")
    void generate() {
        assertEquals("Q.850;cause=63;text=\"service or option not available, unspecified\"",
                Q850Reason.of(63).headerValue());
        assertEquals("Q.850;cause=16;text=\"normal call clearing\"", Q850Reason.of(16).headerValue());
    }

    @Test
    @DisplayName("call engine causes: texts from Q850Cause; 0 and IOS causes above 127 are sent as 127")
    void fromEngineCause() {
        assertEquals("Q.850;cause=28;text=\"" + org.tollgate.callcontrol.cause.Q850Cause.of(28).text() + "\"",
                Q850Reason.of(org.tollgate.callcontrol.cause.Q850Cause.INVALID_NUMBER_FORMAT).headerValue());
        assertEquals(127, Q850Reason.of(org.tollgate.callcontrol.cause.Q850Cause.of(150)).cause());
        assertEquals("Q.850;cause=99", Q850Reason.of(99).headerValue());
    }

    @Test
    @DisplayName("RFC 3326: Reason values are parsed case-insensitively with spaces and quoted text")
    void parse() {
        assertEquals(Optional.of(new Q850Reason(17, "user busy")), Q850Reason.parse("q.850 ; cause=17 ; text=\"user busy\""));
        assertEquals(Optional.of(new Q850Reason(16, "")), Q850Reason.parse("Q.850;cause=16"));
        assertEquals(Optional.of(new Q850Reason(31, "a \"q\"")), Q850Reason.parse("Q.850;text=\"a \\\"q\\\"\";cause=31"));
    }

    @Test
    @DisplayName("SIP-protocol reasons, missing or out-of-range causes are not Q.850 reasons")
    void rejects() {
        assertTrue(Q850Reason.parse("SIP;cause=200;text=\"Call completed elsewhere\"").isEmpty());
        assertTrue(Q850Reason.parse("Q.850;text=\"x\"").isEmpty());
        assertTrue(Q850Reason.parse("Q.850;cause=0").isEmpty());
        assertTrue(Q850Reason.parse("Q.850;cause=128").isEmpty());
        assertTrue(Q850Reason.parse("Q.850;cause=abc").isEmpty());
        assertTrue(Q850Reason.parse("Q.850;cause=1" + "1".repeat(2000)).isEmpty());
    }

    @Test
    @DisplayName("generate then parse gives the same cause and text for any printable text")
    void roundTrip() {
        qt().forAll(integers().between(1, 127), strings().basicLatinAlphabet().ofLengthBetween(0, 40))
                .checkAssert((cause, text) -> assertEquals(Optional.of(new Q850Reason(cause, text)),
                        Q850Reason.parse(new Q850Reason(cause, text).headerValue())));
    }

    @Test
    @DisplayName("parsing arbitrary input never throws")
    void total() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(s -> Q850Reason.parse("Q.850;" + s));
    }
}
