package org.tollgate.gateway.sip.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.dtmf.KpmlSubscription.Effect;
import org.tollgate.gateway.sip.dtmf.KpmlSubscription.Input;

class KpmlSubscriptionTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private static KpmlSubscription.Step start() {
        return KpmlSubscription.next(new KpmlSubscription.Idle(), new Input.Start(T0));
    }

    @Test
    @DisplayName("RFC 4730/6665: Start sends SUBSCRIBE asking 7200 s; 200 with Expires 3600 activates it and schedules the refresh 60 s before expiry")
    void subscribeAndRefreshSchedule() {
        KpmlSubscription.Step s = start();
        assertInstanceOf(KpmlSubscription.Pending.class, s.state());
        assertEquals(List.of(new Effect.SendSubscribe(Duration.ofSeconds(7200))), s.effects());
        KpmlSubscription.Step ok = KpmlSubscription.next(s.state(), new Input.Response(200, OptionalInt.of(3600), T0));
        assertEquals(new KpmlSubscription.Active(T0.plusSeconds(3600)), ok.state());
        assertEquals(List.of(new Effect.ScheduleRefresh(T0.plusSeconds(3540))), ok.effects());
    }

    @Test
    @DisplayName("A refresh is due: SUBSCRIBE again; its 200 (no Expires: the requested 7200 s) re-activates from the refresh time")
    void refresh() {
        KpmlSubscription active = KpmlSubscription.next(start().state(),
                new Input.Response(200, OptionalInt.of(120), T0)).state();
        Instant due = T0.plusSeconds(60);
        KpmlSubscription.Step r = KpmlSubscription.next(active, new Input.RefreshDue(due));
        assertEquals(new KpmlSubscription.Pending(due), r.state());
        assertEquals(List.of(new Effect.SendSubscribe(Duration.ofSeconds(7200))), r.effects());
        KpmlSubscription.Step ok = KpmlSubscription.next(r.state(), new Input.Response(202, OptionalInt.empty(), due));
        assertEquals(new KpmlSubscription.Active(due.plusSeconds(7200)), ok.state());
    }

    @Test
    @DisplayName("A peer without KPML (489 Bad Event, or any final status >= 300) ends the subscription: digits come another way")
    void refusal() {
        for (int status : new int[] {489, 405, 420, 481, 501, 603}) {
            KpmlSubscription.Step r = KpmlSubscription.next(start().state(),
                    new Input.Response(status, OptionalInt.empty(), T0));
            assertInstanceOf(KpmlSubscription.Ended.class, r.state(), "status " + status);
            assertTrue(r.effects().isEmpty());
            assertFalse(r.state().live());
        }
    }

    @Test
    @DisplayName("Provisional responses change nothing; an active NOTIFY before the 200 keeps it pending until the 200 sets expiry and refresh")
    void notifyBeforeResponse() {
        KpmlSubscription pending = start().state();
        assertEquals(pending, KpmlSubscription.next(pending, new Input.Response(100, OptionalInt.empty(), T0)).state());
        KpmlSubscription.Step n = KpmlSubscription.next(pending, new Input.Notify(false, OptionalInt.of(7200), T0));
        assertEquals(pending, n.state());
        assertTrue(n.state().live());
    }

    @Test
    @DisplayName("NOTIFY Subscription-State terminated ends the subscription (RFC 6665 4.1.3)")
    void terminatedByNotifier() {
        KpmlSubscription active = KpmlSubscription.next(start().state(),
                new Input.Response(200, OptionalInt.of(600), T0)).state();
        KpmlSubscription.Step t = KpmlSubscription.next(active, new Input.Notify(true, OptionalInt.empty(), T0));
        assertInstanceOf(KpmlSubscription.Ended.class, t.state());
        assertTrue(t.effects().isEmpty());
    }

    @Test
    @DisplayName("The call ends: a pending or active subscription is ended with SUBSCRIBE Expires 0; an idle or ended one sends nothing")
    void stop() {
        KpmlSubscription pending = start().state();
        KpmlSubscription active = KpmlSubscription.next(pending, new Input.Response(200, OptionalInt.of(60), T0)).state();
        for (KpmlSubscription s : List.of(pending, active)) {
            KpmlSubscription.Step st = KpmlSubscription.next(s, new Input.Stop());
            assertInstanceOf(KpmlSubscription.Ended.class, st.state());
            assertEquals(List.of(new Effect.SendSubscribe(Duration.ZERO)), st.effects());
        }
        assertTrue(KpmlSubscription.next(new KpmlSubscription.Idle(), new Input.Stop()).effects().isEmpty());
        KpmlSubscription ended = new KpmlSubscription.Ended("x");
        assertTrue(KpmlSubscription.next(ended, new Input.Stop()).effects().isEmpty());
        assertTrue(KpmlSubscription.next(ended, new Input.Start(T0)).effects().isEmpty());
    }

    @Test
    @DisplayName("Property: for any granted interval the refresh falls strictly inside it, at most 60 s and at least half the interval before expiry")
    void refreshInsideInterval() {
        qt().forAll(integers().between(1, 1_000_000)).checkAssert(seconds -> {
            Duration granted = Duration.ofSeconds(seconds);
            Instant at = KpmlSubscription.refreshAt(T0, granted);
            Instant expiry = T0.plus(granted);
            assertTrue(at.isAfter(T0), "after start");
            assertTrue(at.isBefore(expiry), "before expiry");
            Duration margin = Duration.between(at, expiry);
            assertTrue(margin.compareTo(Duration.ofSeconds(60)) <= 0, "margin at most 60 s");
            assertTrue(margin.compareTo(granted.dividedBy(2)) <= 0, "margin at most half");
        });
    }
}
