package org.tollgate.gateway.wiring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.gateway.metrics.GatewayMetrics;

class CallMetricsSinkTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static void setup(CallMetricsSink s, CallRef c) {
        s.accept(new CallRecordEvent.Setup(c, T, LegId.incoming(c), "0/1/0", "1235", "", "", Optional.empty()));
    }

    private static void release(CallMetricsSink s, CallRef c, Q850Cause cause) {
        s.accept(new CallRecordEvent.Released(c, T, cause, ReleaseSource.GATEWAY, LegId.incoming(c), Optional.empty()));
    }

    @Test
    @DisplayName("Calls are counted per outcome (answered, rejected by LPCOR/FAC, failed) and FAC results per result")
    void outcomesAndFacResults() {
        GatewayMetrics m = new GatewayMetrics();
        CallMetricsSink sink = new CallMetricsSink(m);
        CallRef answered = new CallRef(1);
        CallRef rejected = new CallRef(2);
        CallRef failed = new CallRef(3);
        setup(sink, answered);
        setup(sink, rejected);
        setup(sink, failed);
        assertTrue(m.scrape().contains("tollgate_calls_active 3.0"), m.scrape());
        sink.accept(new CallRecordEvent.FacResult(answered, T, 11, FacStatus.SUCCESS, "786"));
        sink.accept(new CallRecordEvent.Connected(answered, T, LegId.incoming(answered), new LegId(answered, 2), 11));
        release(sink, answered, Q850Cause.NORMAL_CALL_CLEARING);
        sink.accept(new CallRecordEvent.FacResult(rejected, T, 11, FacStatus.FAILURE, "999"));
        sink.accept(new CallRecordEvent.AttemptFailed(rejected, T, 11, Optional.empty(),
                Q850Cause.SERVICE_NOT_AVAILABLE, "fac failure: wrong code"));
        release(sink, rejected, Q850Cause.SERVICE_NOT_AVAILABLE);
        sink.accept(new CallRecordEvent.FacResult(failed, T, 11, FacStatus.CALLER_HUNG_UP, ""));
        release(sink, failed, Q850Cause.UNALLOCATED_NUMBER);
        String s = m.scrape();
        assertTrue(s.contains("tollgate_calls_active 0.0"), s);
        assertTrue(s.contains("tollgate_calls_total{outcome=\"answered\"} 1.0"), s);
        assertTrue(s.contains("tollgate_calls_total{outcome=\"rejected\"} 1.0"), s);
        assertTrue(s.contains("tollgate_calls_total{outcome=\"failed\"} 1.0"), s);
        assertTrue(s.contains("tollgate_fac_total{result=\"success\"} 1.0"), s);
        assertTrue(s.contains("tollgate_fac_total{result=\"failure\"} 1.0"), s);
    }
}
