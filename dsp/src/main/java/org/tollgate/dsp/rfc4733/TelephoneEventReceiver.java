package org.tollgate.dsp.rfc4733;

import java.util.ArrayList;
import java.util.List;
import org.tollgate.dsp.dtmf.DtmfDigit;

/**
 * Turns received RFC 4733 packets into exactly one start and one end per DTMF digit, whatever the
 * packet repetition, loss or reordering (section 2.5.2).
 *
 * <p>An event is identified by its RTP timestamp (all packets of an event share it, section 2.5.1.1).
 * The first packet of a new timestamp starts the digit (even if the marker-bit packet was lost); the
 * first end packet ends it; redundant end packets and late updates of an ended or older event are
 * duplicates and yield nothing. If a new event begins before the previous one's end arrived (all its
 * end packets lost), the previous one is ended with the last duration seen. Events above 15 (non-DTMF)
 * and malformed payloads are ignored. Not thread-safe: one per RTP stream.
 */
public final class TelephoneEventReceiver {
    /** A digit seen on the wire. */
    public sealed interface Relayed {
        /** The digit. */
        DtmfDigit digit();

        /** A digit began. */
        record Started(DtmfDigit digit, long rtpTimestamp) implements Relayed {}

        /** A digit ended after {@code durationMs}. */
        record Ended(DtmfDigit digit, long rtpTimestamp, int durationMs) implements Relayed {}
    }

    private long currentTs = -1;
    private DtmfDigit current;
    private int lastDuration;
    private boolean currentEnded = true;

    /** Handles the payload of one telephone-event packet with RTP timestamp {@code rtpTimestamp}. */
    public List<Relayed> onPacket(long rtpTimestamp, byte[] payload, int off, int len) {
        return switch (TelephoneEvent.decode(payload, off, len)) {
            case TelephoneEvent.Decoded.Malformed m -> List.of();
            case TelephoneEvent.Decoded.Ok ok -> onEvent(rtpTimestamp, ok.event());
        };
    }

    /** Handles one decoded telephone event; returns what it means (empty for duplicates). */
    public List<Relayed> onEvent(long rtpTimestamp, TelephoneEvent ev) {
        var digit = DtmfDigit.ofEvent(ev.event());
        if (digit.isEmpty()) {
            return List.of();
        }
        if (rtpTimestamp == currentTs) {
            if (currentEnded) {
                return List.of();
            }
            lastDuration = Math.max(lastDuration, ev.duration());
            if (ev.end()) {
                currentEnded = true;
                return List.of(new Relayed.Ended(current, currentTs, lastDuration / 8));
            }
            return List.of();
        }
        if (currentTs >= 0 && isOlder(rtpTimestamp, currentTs)) {
            return List.of();
        }
        List<Relayed> out = new ArrayList<>(3);
        if (!currentEnded) {
            out.add(new Relayed.Ended(current, currentTs, lastDuration / 8));
        }
        currentTs = rtpTimestamp;
        current = digit.get();
        lastDuration = ev.duration();
        currentEnded = ev.end();
        out.add(new Relayed.Started(current, rtpTimestamp));
        if (ev.end()) {
            out.add(new Relayed.Ended(current, rtpTimestamp, lastDuration / 8));
        }
        return out;
    }

    /** RTP timestamps are 32-bit and wrap (RFC 3550 section 5.1): {@code a} is older than {@code b}. */
    private static boolean isOlder(long a, long b) {
        long diff = (b - a) & 0xFFFF_FFFFL;
        return diff != 0 && diff < 0x8000_0000L;
    }
}
