package org.tollgate.gateway.wiring;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.gateway.metrics.GatewayMetrics;

/**
 * Feeds {@link GatewayMetrics} from call record events: a call starts at {@code Setup}, ends at
 * {@code Released} with outcome {@code answered} (it was connected), {@code rejected} (an attempt failed
 * by an LPCOR policy, a FAC failure or an unavailable FAC service, and the call never connected) or {@code failed}
 * (anything else); FAC results {@code SUCCESS} count as success, {@code FAILURE} and
 * {@code TIMED_OUT} as failure (an aborted step, a caller hanging up or an unavailable AAA are not
 * FAC attempts). Never blocks.
 */
public final class CallMetricsSink implements CallRecordSink {
    /** What a call has reached so far. */
    private enum Progress { STARTED, REJECTED, CONNECTED }

    private final GatewayMetrics metrics;
    private final Map<CallRef, Progress> calls = new ConcurrentHashMap<>();

    public CallMetricsSink(GatewayMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void accept(CallRecordEvent event) {
        switch (event) {
            case CallRecordEvent.Setup s -> {
                calls.put(s.call(), Progress.STARTED);
                metrics.callStarted();
            }
            case CallRecordEvent.AttemptFailed a -> {
                if (a.reason().contains("lpcor") || a.reason().contains("fac")) {
                    calls.computeIfPresent(a.call(), (k, p) -> p == Progress.CONNECTED ? p : Progress.REJECTED);
                }
            }
            case CallRecordEvent.Connected c -> calls.computeIfPresent(c.call(), (k, p) -> Progress.CONNECTED);
            case CallRecordEvent.FacResult r -> {
                switch (r.status()) {
                    case SUCCESS -> metrics.facAttempt(true);
                    case FAILURE, TIMED_OUT -> metrics.facAttempt(false);
                    case ABORTED, UNAVAILABLE, CALLER_HUNG_UP -> {
                    }
                }
            }
            case CallRecordEvent.Released r -> {
                Progress p = calls.remove(r.call());
                if (p != null) {
                    metrics.callEnded(switch (p) {
                        case STARTED -> "failed";
                        case REJECTED -> "rejected";
                        case CONNECTED -> "answered";
                    });
                }
            }
            case CallRecordEvent.DigitsCollected d -> {
            }
            case CallRecordEvent.Routed r -> {
            }
            case CallRecordEvent.AuthorizationStarted a -> {
            }
            case CallRecordEvent.Alerting a -> {
            }
        }
    }
}
