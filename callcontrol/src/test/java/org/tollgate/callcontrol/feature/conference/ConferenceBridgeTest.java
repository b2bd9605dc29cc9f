package org.tollgate.callcontrol.feature.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.DetachedLeg;
import org.tollgate.callcontrol.engine.internal.LegRouter;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.media.AudioSink;
import org.tollgate.callcontrol.time.CallScheduler;
import org.tollgate.callcontrol.time.ManualScheduler;

/** The bridge's timing: anchored 20 ms ticks and the per-party latency guard. */
class ConferenceBridgeTest {
    /** A party's leg: what the bridge sends it, and the sink its user talks into. */
    private static final class Party implements LegSignaling {
        final List<short[]> heard = new CopyOnWriteArrayList<>();
        volatile AudioSink talkTo;

        @Override public void handle(LegCommand command) { }

        @Override public Optional<AudioSink> audioToUser() {
            return Optional.of(heard::add);
        }

        @Override public void connectAudio(AudioSink peer) {
            talkTo = peer;
        }

        @Override public String describe() {
            return "party";
        }

        void talk(int value) {
            talkTo.accept(new short[] {(short) value});
        }

        DetachedLeg detached() {
            return new DetachedLeg(this, new LegRouter(new LegEvents() {
                @Override public void digits(String digits) { }

                @Override public void alerting() { }

                @Override public void answered() { }

                @Override public void released(Q850Cause cause) { }

                @Override public void flash() { }
            }));
        }
    }

    /** Runs every task 5 ms later than asked (a loaded scheduler). */
    private record LateScheduler(ManualScheduler inner) implements CallScheduler {
        @Override public Instant now() {
            return inner.now();
        }

        @Override public Cancellable schedule(Duration delay, Runnable task) {
            return inner.schedule(delay.plusMillis(5), task);
        }
    }

    private static ConferenceBridge bridge(CallScheduler s, List<Party> parties) {
        ConferenceBridge b = new ConferenceBridge("conf-t", true, 8, s, e -> { }, x -> { });
        for (int i = 0; i < parties.size(); i++) {
            assertTrue(b.join(parties.get(i).detached(), "100" + i, new CallRef(i + 1)));
        }
        return b;
    }

    @Test
    @DisplayName("Ticks are anchored at start + k x 20 ms: a scheduler running every tick 5 ms late still gives 50 mixes a second")
    void anchoredTicksDoNotDrift() {
        ManualScheduler clock = new ManualScheduler();
        Party talker = new Party();
        Party listener = new Party();
        bridge(new LateScheduler(clock), List.of(talker, listener));
        for (int i = 0; i < 100; i++) {
            talker.talk(i); // more than enough queued; the guard trims only after a second
        }
        clock.advance(Duration.ofSeconds(1));
        int mixes = listener.heard.size();
        assertTrue(mixes >= 49 && mixes <= 50, "mixes in one second: " + mixes);
    }

    @Test
    @DisplayName("A burst shorter than a second is played out whole, in order (nothing trimmed)")
    void burstPlayedOutWhole() {
        ManualScheduler clock = new ManualScheduler();
        Party talker = new Party();
        Party listener = new Party();
        bridge(clock, List.of(talker, listener));
        for (int i = 1; i <= 30; i++) {
            talker.talk(i);
        }
        clock.advance(Duration.ofMillis(20 * 40));
        List<Integer> heard = new ArrayList<>();
        listener.heard.forEach(f -> heard.add((int) f[0]));
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            expected.add(i);
        }
        assertEquals(expected, heard.stream().filter(v -> v != 0).toList());
    }

    @Test
    @DisplayName("Latency guard: a queue standing deeper than 2 frames for a second is cut back to 2 frames of delay")
    void standingDelayIsCutBack() {
        ManualScheduler clock = new ManualScheduler();
        Party talker = new Party();
        Party listener = new Party();
        bridge(clock, List.of(talker, listener));
        int next = 1;
        for (; next <= 6; next++) {
            talker.talk(next); // a hiccup left 6 frames queued
        }
        List<Integer> delays = new ArrayList<>();
        for (int tick = 0; tick < 80; tick++) {
            talker.talk(next); // then one frame per 20 ms, the steady rate
            clock.advance(Duration.ofMillis(20));
            delays.add(next - listener.heard.getLast()[0]);
            next++;
        }
        assertEquals(6, delays.getFirst(), "the backlog is heard as delay at first");
        assertTrue(delays.getLast() <= ConferenceBridge.TARGET_DEPTH, "delay after the guard: " + delays);
    }
}
