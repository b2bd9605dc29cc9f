package org.tollgate.callcontrol.record;

/**
 * Receives every {@link CallRecordEvent}. Called from the call's serial context: it must not
 * block (queue and return); a slow CDR back-end must never stall call control.
 */
@FunctionalInterface
public interface CallRecordSink {
    void accept(CallRecordEvent event);

    /** A sink that passes every event to each of {@code sinks}, in order. */
    static CallRecordSink all(CallRecordSink... sinks) {
        CallRecordSink[] copy = sinks.clone();
        return e -> {
            for (CallRecordSink s : copy) {
                s.accept(e);
            }
        };
    }

    /** A sink that drops everything. */
    static CallRecordSink none() {
        return e -> {
        };
    }
}
