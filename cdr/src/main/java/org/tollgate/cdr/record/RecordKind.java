package org.tollgate.cdr.record;

/**
 * What an accounting record reports: a leg that just connected ({@code START}, RADIUS
 * {@code Acct-Status-Type} Start, only for {@code start-stop} accounting lists), a finished leg
 * ({@code STOP}, every sink, the call history) or an invoked feature ({@code FEATURE}: a
 * {@link FeatureRecord}, every sink).
 */
public enum RecordKind {
    START,
    STOP,
    FEATURE
}
