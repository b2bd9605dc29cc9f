package org.tollgate.gateway.wiring;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.cdr.record.MediaCounters;
import org.tollgate.cdr.record.MediaStats;

/**
 * The CDR's {@link MediaStats} from the media counters call control puts on each
 * {@code Released} event (SIP RTP streams, analog ports' 20 ms frames, see
 * {@code CallRecordEvent.Released#media}). {@link #around} wraps the CDR record sink: while the CDR
 * folder handles a {@code Released} event, the event's counters are what {@link #counters} answers
 * for its legs; afterwards they are forgotten (nothing accumulates). Legs asked about at any other
 * time (a {@code show call active voice} of a live call) read zero and no coder.
 */
public final class ReleasedMedia implements MediaStats {
    private final Map<LegId, org.tollgate.callcontrol.media.MediaCounters> current = new ConcurrentHashMap<>();

    /**
     * {@code cdrSink} with this object's counters filled in for each {@code Released} event. The
     * result is also a {@link FeatureRecordSink}: feature record events go to {@code cdrSink} when it
     * is one (the CDR service's sink is), so wrapping it loses no feature records.
     */
    public CallRecordSink around(CallRecordSink cdrSink) {
        Objects.requireNonNull(cdrSink, "cdrSink");
        final class Around implements CallRecordSink, FeatureRecordSink {
            @Override
            public void accept(CallRecordEvent e) {
                if (e instanceof CallRecordEvent.Released r && !r.media().isEmpty()) {
                    current.putAll(r.media());
                    try {
                        cdrSink.accept(e);
                    } finally {
                        r.media().keySet().forEach(current::remove);
                    }
                } else {
                    cdrSink.accept(e);
                }
            }

            @Override
            public void accept(FeatureRecordEvent e) {
                if (cdrSink instanceof FeatureRecordSink f) {
                    f.accept(e);
                }
            }
        }
        return new Around();
    }

    @Override
    public MediaCounters counters(LegId leg) {
        org.tollgate.callcontrol.media.MediaCounters c = current.get(leg);
        return c == null ? MediaCounters.ZERO
                : new MediaCounters(c.packetsSent(), c.bytesSent(), c.packetsReceived(), c.bytesReceived());
    }

    @Override
    public String coder(LegId leg) {
        org.tollgate.callcontrol.media.MediaCounters c = current.get(leg);
        return c == null ? "" : c.coder();
    }
}
