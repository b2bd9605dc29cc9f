package org.tollgate.gateway.sip.cause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SipCauseMappingTest {

    @ParameterizedTest(name = "Q.850 {0} -> SIP {1}")
    @CsvSource({"1,404", "3,404", "17,486", "18,408", "19,480", "21,403", "22,410", "27,502", "28,484", "31,480",
            "34,503", "38,503", "41,503", "42,503", "47,503", "58,503", "65,488", "79,501", "88,503", "102,504",
            "111,500", "127,500"})
    @DisplayName("RFC 3398 7.2.4.1: Q.850 causes map to the listed SIP status")
    void q850ToSip(int cause, int status) {
        assertEquals(status, SipCauseMapping.toSipStatus(cause));
    }

    @Test
    @DisplayName("LPCOR block causes: default 63 gives 503, invalid-number 28 gives 484")
    void lpcorCauses() {
        assertEquals(503, SipCauseMapping.toSipStatus(63));
        assertEquals(484, SipCauseMapping.toSipStatus(28));
    }

    @ParameterizedTest(name = "SIP {0} -> Q.850 {1}")
    @CsvSource({"400,41", "401,21", "403,21", "404,1", "405,63", "408,102", "410,22", "480,18", "484,28", "486,17",
            "487,127", "488,127", "500,41", "501,79", "502,38", "503,41", "504,102", "600,17", "603,21", "604,1",
            "606,58"})
    @DisplayName("RFC 3398 8.2.6.1 / RFC 4497: SIP failures map to the listed Q.850 cause")
    void sipToQ850(int status, int cause) {
        assertEquals(cause, SipCauseMapping.toQ850(status, Optional.empty()));
    }

    @Test
    @DisplayName("RFC 3326: a Reason Q.850 cause in the response wins over the status table")
    void reasonWins() {
        assertEquals(63, SipCauseMapping.toQ850(503, Q850Reason.parse("Q.850;cause=63;text=\"x\"")));
    }

    @Test
    @DisplayName("every cause 1..127 maps to a 4xx/5xx status, and every status 400..699 to a cause 1..127")
    void totalMappings() {
        qt().forAll(integers().between(1, 127)).checkAssert(c -> {
            int s = SipCauseMapping.toSipStatus(c);
            assertTrue(s >= 400 && s < 600, "status " + s);
        });
        qt().forAll(integers().between(400, 699)).checkAssert(s -> {
            int c = SipCauseMapping.toQ850(s, Optional.empty());
            assertTrue(c >= 1 && c <= 127, "cause " + c);
        });
    }

    @Test
    @DisplayName("call engine causes: LPCOR default 63 is 503; IOS-internal causes above 127 are 500")
    void engineCauses() {
        assertEquals(503, SipCauseMapping.toSipStatus(org.tollgate.callcontrol.cause.Q850Cause.SERVICE_NOT_AVAILABLE));
        assertEquals(500, SipCauseMapping.toSipStatus(org.tollgate.callcontrol.cause.Q850Cause.of(180)));
        assertEquals(org.tollgate.callcontrol.cause.Q850Cause.USER_BUSY, SipCauseMapping.toCause(486, Optional.empty()));
    }

    @Test
    @DisplayName("causes outside 1..127 are refused")
    void range() {
        assertThrows(IllegalArgumentException.class, () -> SipCauseMapping.toSipStatus(0));
        assertThrows(IllegalArgumentException.class, () -> SipCauseMapping.toSipStatus(128));
    }
}
