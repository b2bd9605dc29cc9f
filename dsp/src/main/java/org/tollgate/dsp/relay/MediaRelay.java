package org.tollgate.dsp.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.dsp.rtp.StreamCounters;

/**
 * Media relay between the two legs of a B2BUA call: RTP received on leg A goes out of leg B to B's peer
 * and vice versa, unchanged. Each leg keeps its own RTCP (the relay terminates RTCP: each leg reports
 * on what it received and sent) and its own counters, so CDRs can show per-leg packets and octets.
 *
 * <p>Lifecycle: {@code new MediaRelay(a, b)} starts relaying; {@link #close()} stops it and leaves the
 * streams open (their owner closes them).
 */
public final class MediaRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaRelay.class);

    private final RtpStream a;
    private final RtpStream b;

    /** Per-leg counter snapshots. */
    public record Counters(StreamCounters legA, StreamCounters legB) {}

    /** Starts relaying between {@code a} and {@code b}. */
    public MediaRelay(RtpStream a, RtpStream b) {
        this.a = a;
        this.b = b;
        a.relayTo(b);
        b.relayTo(a);
        LOG.debug("relay {} <-> {}", a.localPort(), b.localPort());
    }

    /** Leg A's and leg B's counters now. */
    public Counters counters() {
        return new Counters(a.counters(), b.counters());
    }

    /** Stops relaying. */
    @Override
    public void close() {
        a.relayTo(null);
        b.relayTo(null);
    }
}
