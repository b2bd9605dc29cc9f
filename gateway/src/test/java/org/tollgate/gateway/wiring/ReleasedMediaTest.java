package org.tollgate.gateway.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.media.MediaCounters;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.record.ReleaseSource;

class ReleasedMediaTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** A CDR-like sink: reads the media stats while handling Released, and takes feature events. */
    static final class Recording implements CallRecordSink, FeatureRecordSink {
        final List<Object> seen = new ArrayList<>();
        final ReleasedMedia media;

        Recording(ReleasedMedia media) {
            this.media = media;
        }

        @Override
        public void accept(CallRecordEvent e) {
            if (e instanceof CallRecordEvent.Released r) {
                seen.add(media.counters(r.incoming()));
                seen.add(media.coder(r.incoming()));
            }
        }

        @Override
        public void accept(FeatureRecordEvent e) {
            seen.add(e);
        }
    }

    @Test
    @DisplayName("While the CDR sink handles Released, the legs' media counters and coder are what MediaStats answers; afterwards zero")
    void countersDuringRelease() {
        ReleasedMedia media = new ReleasedMedia();
        Recording cdr = new Recording(media);
        CallRecordSink sink = media.around(cdr);
        CallRef c = new CallRef(7);
        LegId in = LegId.incoming(c);
        sink.accept(new CallRecordEvent.Released(c, T, Q850Cause.NORMAL_CALL_CLEARING, ReleaseSource.CALLING_PARTY,
                in, Optional.empty(), Map.of(in, new MediaCounters(10, 1600, 12, 1920, "g711ulaw"))));
        assertEquals(new org.tollgate.cdr.record.MediaCounters(10, 1600, 12, 1920), cdr.seen.get(0));
        assertEquals("g711ulaw", cdr.seen.get(1));
        assertEquals(org.tollgate.cdr.record.MediaCounters.ZERO, media.counters(in));
        assertEquals("", media.coder(in));
    }

    @Test
    @DisplayName("The wrapped CDR sink stays a FeatureRecordSink: feature record events are passed on, not lost")
    void featureEventsPassThrough() {
        ReleasedMedia media = new ReleasedMedia();
        Recording cdr = new Recording(media);
        FeatureRecordSink wrapped = assertInstanceOf(FeatureRecordSink.class, media.around(cdr));
        FeatureRecordSink all = assertInstanceOf(FeatureRecordSink.class,
                CallRecordSink.all(media.around(cdr), CallRecordSink.none()));
        FeatureRecordEvent e = sampleFeatureEvent();
        wrapped.accept(e);
        all.accept(e);
        assertEquals(List.of(e, e), cdr.seen);
    }

    private static FeatureRecordEvent sampleFeatureEvent() {
        return new FeatureRecordEvent.Parked(new CallRef(8), T, "1", "1235", "99329");
    }
}
