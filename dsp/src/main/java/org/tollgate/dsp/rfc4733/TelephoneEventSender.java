package org.tollgate.dsp.rfc4733;

import java.util.ArrayList;
import java.util.List;
import org.tollgate.dsp.dtmf.DtmfDigit;

/**
 * Plans the RFC 4733 packets that send one DTMF digit (section 2.5.1): a first packet with the marker
 * bit, updates every {@code updateIntervalMs} carrying the growing duration, then the end packet sent
 * {@code endRepeats} times (section 2.5.1.4: "three packets"), all with the RTP timestamp of the event's
 * start.
 *
 * <p>Defaults: updates every 50 ms (section 2.5.1.2's suggestion), 3 end packets, volume 10 (−10 dBm0).
 */
public final class TelephoneEventSender {
    /**
     * One packet to send {@code atMs} after the event starts.
     *
     * @param atMs    send time relative to the first packet, ms
     * @param marker  RTP marker bit (set on the first packet only)
     * @param payload the telephone-event payload
     */
    public record Planned(long atMs, boolean marker, TelephoneEvent payload) {}

    private final int updateIntervalMs;
    private final int endRepeats;
    private final int volume;

    /** Defaults: 50 ms updates, 3 end packets, volume 10. */
    public TelephoneEventSender() {
        this(50, 3, 10);
    }

    /** Explicit settings (update interval 10..100 ms, 1..5 end packets, volume 0..63). */
    public TelephoneEventSender(int updateIntervalMs, int endRepeats, int volume) {
        if (updateIntervalMs < 10 || updateIntervalMs > 100 || endRepeats < 1 || endRepeats > 5 || volume < 0 || volume > 63) {
            throw new IllegalArgumentException("bad telephone-event sender settings");
        }
        this.updateIntervalMs = updateIntervalMs;
        this.endRepeats = endRepeats;
        this.volume = volume;
    }

    /** The packets for {@code digit} lasting {@code durationMs} (at most 8191 ms, the 16-bit limit at 8 kHz). */
    public List<Planned> plan(DtmfDigit digit, int durationMs) {
        if (durationMs <= 0 || durationMs * 8 > 0xFFFF) {
            throw new IllegalArgumentException("duration must be 1..8191 ms: " + durationMs);
        }
        List<Planned> out = new ArrayList<>();
        out.add(new Planned(0, true, new TelephoneEvent(digit.event(), false, volume, 0)));
        for (int t = updateIntervalMs; t < durationMs; t += updateIntervalMs) {
            out.add(new Planned(t, false, new TelephoneEvent(digit.event(), false, volume, t * 8)));
        }
        for (int i = 0; i < endRepeats; i++) {
            out.add(new Planned(durationMs + i * 20L, false, new TelephoneEvent(digit.event(), true, volume, durationMs * 8)));
        }
        return out;
    }
}
