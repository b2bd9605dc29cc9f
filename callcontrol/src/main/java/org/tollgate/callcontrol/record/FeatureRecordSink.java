package org.tollgate.callcontrol.record;

/**
 * Receives every {@link FeatureRecordEvent}; the same contract as {@link CallRecordSink} (called
 * from a call's serial context, must not block). When the {@code CallRecordSink} given to the
 * engine also implements this interface, it receives the feature events too.
 */
@FunctionalInterface
public interface FeatureRecordSink {
    void accept(FeatureRecordEvent event);

    /** A sink that drops everything. */
    static FeatureRecordSink none() {
        return e -> {
        };
    }
}
