package org.tollgate.callcontrol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.config.cli.DebugBus;

class CallDebugTest {
    final DebugBus bus = new DebugBus(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC")));
    final List<String> lines = new CopyOnWriteArrayList<>();
    final CallRef call = new CallRef(3);
    final Instant t = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    @DisplayName("debug voice lpcor shows LPCOR rejections; nothing is emitted for categories nobody enabled")
    void lpcorLines() {
        DebugBus.Subscriber s = bus.subscribe(lines::add, true);
        CallDebug debug = new CallDebug(bus);
        CallRecordEvent reject = new CallRecordEvent.AttemptFailed(call, t, 11, Optional.empty(), Q850Cause.of(63),
                "lpcor policy AnalogPhone rejects LocalUser");
        debug.accept(reject);
        assertTrue(lines.isEmpty());
        s.enable(CallDebug.LPCOR);
        debug.accept(reject);
        debug.accept(new CallRecordEvent.Released(call, t, Q850Cause.of(63), ReleaseSource.GATEWAY, LegId.incoming(call),
                Optional.empty()));
        assertEquals(1, lines.size());
        assertTrue(lines.getFirst().endsWith("//call-3/lpcor: lpcor policy AnalogPhone rejects LocalUser, dial-peer 11"),
                lines.getFirst());
    }

    @Test
    @DisplayName("debug voice ccapi shows every call event, causes in decimal and IOS hex")
    void ccapiLines() {
        bus.subscribe(lines::add, true).enable(CallDebug.CCAPI);
        new CallDebug(bus).accept(new CallRecordEvent.Released(call, t, Q850Cause.of(63), ReleaseSource.GATEWAY,
                LegId.incoming(call), Optional.empty()));
        assertTrue(lines.getFirst().endsWith("//call-3/ccapi: released, cause 63 (3F) by GATEWAY"), lines.getFirst());
    }

    @Test
    @DisplayName("debug voice ccapi shows feature events, also through CallRecordSink.all next to a CDR sink")
    void featureLines() {
        bus.subscribe(lines::add, true).enable(CallDebug.CCAPI);
        CallRecordSink sink = CallRecordSink.all(CallRecordSink.none(), new CallDebug(bus));
        ((org.tollgate.callcontrol.record.FeatureRecordSink) sink).accept(new org.tollgate.callcontrol.record
                .FeatureRecordEvent.Transferred(call, t, true, "1002", "1001", "1003", new CallRef(2), Optional.empty()));
        assertTrue(lines.getFirst().endsWith("//call-3/ccapi: feature BXFER 1001 to 1003 by 1002 (from call-2)"),
                lines.getFirst());
    }
}
