package org.tollgate.dsp.tone;

import java.util.List;

/**
 * Call-progress tones of the North American precise tone plan (ANSI T1.401 / Telcordia GR-506): two
 * frequencies, a level per frequency and an on/off cadence (an empty cadence means continuous).
 *
 * <ul>
 *   <li>dial: 350 + 440 Hz, −13 dBm0, continuous</li>
 *   <li>ringback: 440 + 480 Hz, −19 dBm0, 2 s on / 4 s off</li>
 *   <li>busy: 480 + 620 Hz, −24 dBm0, 0.5 s on / 0.5 s off</li>
 *   <li>reorder (fast busy, local): 480 + 620 Hz, −24 dBm0, 0.25 s on / 0.25 s off</li>
 *   <li>congestion (toll reorder, "all circuits busy"): 480 + 620 Hz, −24 dBm0, 0.2 s on / 0.3 s off</li>
 * </ul>
 */
public enum CallProgressTone {
    DIAL(350, 440, -13, List.of()),
    RINGBACK(440, 480, -19, List.of(2000, 4000)),
    BUSY(480, 620, -24, List.of(500, 500)),
    REORDER(480, 620, -24, List.of(250, 250)),
    CONGESTION(480, 620, -24, List.of(200, 300));

    private final double lowHz;
    private final double highHz;
    private final double dbm0;
    private final List<Integer> cadenceMs;

    CallProgressTone(double lowHz, double highHz, double dbm0, List<Integer> cadenceMs) {
        this.lowHz = lowHz;
        this.highHz = highHz;
        this.dbm0 = dbm0;
        this.cadenceMs = cadenceMs;
    }

    /** Lower frequency, Hz. */
    public double lowHz() {
        return lowHz;
    }

    /** Higher frequency, Hz. */
    public double highHz() {
        return highHz;
    }

    /** Level of each frequency, dBm0. */
    public double dbm0() {
        return dbm0;
    }

    /** Alternating on/off times in ms starting with "on"; empty for a continuous tone. */
    public List<Integer> cadenceMs() {
        return cadenceMs;
    }
}
