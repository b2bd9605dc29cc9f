package org.tollgate.gateway.sip.b2bua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionTimerTest {
    private static final SessionTimer.Settings S = SessionTimer.Settings.defaults();
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private static SessionTimer.Negotiation negotiate(String se, boolean supported) {
        return SessionTimer.negotiate(se == null ? Optional.empty() : SessionTimer.parse(se), supported, S);
    }

    @Test
    @DisplayName("RFC 4028 section 9: an interval below Min-SE (90 s) is refused 422 with Min-SE 90")
    void tooSmall() {
        assertEquals(new SessionTimer.Negotiation.TooSmall(90), negotiate("60", true));
        assertEquals(new SessionTimer.Negotiation.TooSmall(90), negotiate("89;refresher=uac", false));
    }

    @Test
    @DisplayName("RFC 4028 section 9: the UAC's interval and refresher are kept; no refresher from a timer-capable UAC: uac")
    void uacChooses() {
        assertEquals(new SessionTimer.Negotiation.Use(90, SessionTimer.Refresher.UAS, true),
                negotiate("90;refresher=uas", true));
        assertEquals(new SessionTimer.Negotiation.Use(1800, SessionTimer.Refresher.UAC, true),
                negotiate("1800", true));
        assertEquals("1800;refresher=uac", ((SessionTimer.Negotiation.Use) negotiate("1800", true)).headerValue());
    }

    @Test
    @DisplayName("RFC 4028 section 9: a UAC without Supported: timer cannot refresh: the gateway (uas) does, and no Require: timer")
    void uacWithoutTimerSupport() {
        assertEquals(new SessionTimer.Negotiation.Use(600, SessionTimer.Refresher.UAS, false),
                negotiate("600;refresher=uac", false));
    }

    @Test
    @DisplayName("No Session-Expires: with Supported: timer the gateway asks 1800 s refresher=uac; without it no session timer")
    void noRequest() {
        assertEquals(new SessionTimer.Negotiation.Use(1800, SessionTimer.Refresher.UAC, true), negotiate(null, true));
        assertEquals(new SessionTimer.Negotiation.None(), negotiate(null, false));
    }

    @Test
    @DisplayName("Session-Expires parsing: delta-seconds with parameters, refresher case-insensitive; junk is no request")
    void parsing() {
        assertEquals(Optional.of(new SessionTimer.Requested(1800, Optional.of(SessionTimer.Refresher.UAS))),
                SessionTimer.parse(" 1800 ; refresher = UAS"));
        assertEquals(Optional.of(new SessionTimer.Requested(90, Optional.empty())), SessionTimer.parse("90;x=y"));
        assertEquals(Optional.empty(), SessionTimer.parse("abc"));
        assertEquals(Optional.empty(), SessionTimer.parse("99999999999"));
        assertEquals(Optional.empty(), SessionTimer.parse(null));
    }

    @Test
    @DisplayName("Section 10: the refresh falls at half the interval, expiry at N - min(32, N/3), always refresh < expiry < N (property)")
    void instants() {
        assertEquals(T0.plusSeconds(45), SessionTimer.refreshAt(T0, 90));
        assertEquals(T0.plusSeconds(60), SessionTimer.expiryAt(T0, 90));
        assertEquals(T0.plusSeconds(1800 - 32), SessionTimer.expiryAt(T0, 1800));
        qt().forAll(integers().between(90, 86_400)).checkAssert(n -> {
            Instant refresh = SessionTimer.refreshAt(T0, n);
            Instant expiry = SessionTimer.expiryAt(T0, n);
            assertTrue(refresh.isBefore(expiry), "refresh before expiry for " + n);
            assertTrue(expiry.isBefore(T0.plusSeconds(n)), "expiry before the interval ends for " + n);
            assertTrue(Duration.between(expiry, T0.plusSeconds(n)).toSeconds() <= 32);
        });
    }
}
