package org.tollgate.harness.modem;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tollgate.lines.tty.LineScheduler;

/**
 * A simulated telephone exchange joining {@link EmulatedModem}s by number. Dialling a number that is on
 * hook and idle rings it; an off-hook, dialling or connected number is busy; an unknown number gives no
 * answer. All modems of one network share one lock, so a call's two ends change state together.
 *
 * <p>Defaults: ring cadence {@value #RING_CADENCE_SECONDS} s (first RING at once).
 */
public final class TelephoneNetwork {

    /** Seconds between RINGs (North American cadence: 2 s on, 4 s off). */
    public static final int RING_CADENCE_SECONDS = 6;

    private final Map<String, EmulatedModem> modems = new LinkedHashMap<>();
    private final LineScheduler scheduler;
    private final Clock clock;
    final Object lock = new Object();

    /** A network on real time. */
    public TelephoneNetwork() {
        this(LineScheduler.system(), Clock.systemUTC());
    }

    /** A network on the given time source (for example {@link org.tollgate.lines.tty.ManualLineScheduler}). */
    public TelephoneNetwork(LineScheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Creates a modem answering on {@code number}. */
    public EmulatedModem modem(String number) {
        synchronized (lock) {
            if (modems.containsKey(number)) {
                throw new IllegalArgumentException("number in use: " + number);
            }
            EmulatedModem m = new EmulatedModem(this, number);
            modems.put(number, m);
            return m;
        }
    }

    Optional<EmulatedModem> lookup(String number) {
        return Optional.ofNullable(modems.get(number));
    }

    LineScheduler scheduler() {
        return scheduler;
    }

    Clock clock() {
        return clock;
    }

    Duration ringCadence() {
        return Duration.ofSeconds(RING_CADENCE_SECONDS);
    }
}
