package org.tollgate.harness.sipconference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.SipPhone;

/**
 * Helpers for conference tests with {@link SipPhone}s: who hears which tone in a mix, and call
 * control's timers run at the pace of real time (the conference bridge mixes on them every 20 ms,
 * in step with the RTP streams, which are real-time by nature).
 */
final class ConferenceAudio {
    /** The parties' tones: each phone sends its own. */
    static final double[] TONES = {600, 1000, 1400};
    /** Share of the received power above which a tone counts as heard in a two-tone mix (each ~0.5). */
    static final double HEARD = 0.25;
    /** Share below which a tone counts as absent (its own tone in a party's mix). */
    static final double ABSENT = 0.02;

    private ConferenceAudio() {
    }

    /**
     * Waits until {@code call} hears every tone of {@code others} and not {@code own}; fails with the
     * measured shares (Goertzel over the phone's last 400 ms, {@code PhoneRtp.level}).
     */
    static void awaitHearsOthersNotItself(String who, PhoneCall call, double own, double... others) {
        boolean ok = poll(() -> {
            if (call.media().level(own) >= ABSENT) {
                return false;
            }
            for (double hz : others) {
                if (call.media().level(hz) <= HEARD) {
                    return false;
                }
            }
            return true;
        }, SipPhone.WAIT);
        if (!ok) {
            List<String> levels = new ArrayList<>();
            levels.add(own + " Hz (own): " + call.media().level(own));
            for (double hz : others) {
                levels.add(hz + " Hz: " + call.media().level(hz));
            }
            throw new AssertionError(who + " should hear the others and not itself; shares " + levels);
        }
    }

    /** Polls {@code condition} every 10 ms until true or {@code max} passed. */
    static boolean poll(java.util.function.BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The tones other than {@code TONES[i]}. */
    static double[] othersThan(int i) {
        double[] out = new double[TONES.length - 1];
        int k = 0;
        for (int j = 0; j < TONES.length; j++) {
            if (j != i) {
                out[k++] = TONES[j];
            }
        }
        return out;
    }

    /** Advances {@code timers} by 20 ms every 20 ms of real time until closed. */
    static AutoCloseable realTime(ManualScheduler timers) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("test-call-timers").factory());
        ex.scheduleAtFixedRate(() -> timers.advance(Duration.ofMillis(20)), 20, 20, TimeUnit.MILLISECONDS);
        return () -> {
            ex.shutdownNow();
            ex.awaitTermination(5, TimeUnit.SECONDS);
        };
    }
}
