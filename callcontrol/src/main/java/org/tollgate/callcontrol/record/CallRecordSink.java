package org.tollgate.callcontrol.record;

/**
 * Receives every {@link CallRecordEvent}. Called from the call's serial context: it must not
 * block (queue and return); a slow CDR back-end must never stall call control.
 */
@FunctionalInterface
public interface CallRecordSink {
    void accept(CallRecordEvent event);

    /**
     * A sink that passes every event to each of {@code sinks}, in order. The result is also a
     * {@link FeatureRecordSink}: feature record events go to those of {@code sinks} that are one.
     */
    static CallRecordSink all(CallRecordSink... sinks) {
        CallRecordSink[] copy = sinks.clone();
        final class All implements CallRecordSink, FeatureRecordSink {
            @Override
            public void accept(CallRecordEvent e) {
                for (CallRecordSink s : copy) {
                    s.accept(e);
                }
            }

            @Override
            public void accept(FeatureRecordEvent e) {
                for (CallRecordSink s : copy) {
                    if (s instanceof FeatureRecordSink f) {
                        f.accept(e);
                    }
                }
            }
        }
        return new All();
    }

    /** A sink that drops everything. */
    static CallRecordSink none() {
        return e -> {
        };
    }
}
