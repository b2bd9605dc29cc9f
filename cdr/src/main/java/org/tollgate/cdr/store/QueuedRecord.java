package org.tollgate.cdr.store;

import java.util.Objects;
import java.util.Optional;

import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.record.RecordKind;

/**
 * One entry of a sink's durable queue: a leg record (START or STOP) or a feature record (FEATURE).
 *
 * @param seq      the queue position (increasing in enqueue order)
 * @param attempts how many delivery attempts already failed for it (0 on the first try)
 * @param record   the leg record of a START / STOP entry; {@code null} for a FEATURE entry
 * @param kind     START (a leg connected; start-stop RADIUS only), STOP (a finished leg) or
 *                 FEATURE (an invoked feature: {@link #feature()})
 * @param feature  the feature record of a FEATURE entry, else empty
 */
public record QueuedRecord(long seq, int attempts, CallLegRecord record, RecordKind kind,
                           Optional<FeatureRecord> feature) {
    public QueuedRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(feature, "feature");
        if ((kind == RecordKind.FEATURE) != feature.isPresent() || (kind != RecordKind.FEATURE) == (record == null)) {
            throw new IllegalArgumentException("a FEATURE entry holds a feature record, others a leg record");
        }
    }

    /** A START or STOP entry. */
    public QueuedRecord(long seq, int attempts, CallLegRecord record, RecordKind kind) {
        this(seq, attempts, record, kind, Optional.empty());
    }

    /** A STOP entry. */
    public QueuedRecord(long seq, int attempts, CallLegRecord record) {
        this(seq, attempts, record, RecordKind.STOP);
    }

    /** A FEATURE entry. */
    public static QueuedRecord feature(long seq, int attempts, FeatureRecord feature) {
        return new QueuedRecord(seq, attempts, null, RecordKind.FEATURE, Optional.of(feature));
    }

    /** True for a FEATURE entry. */
    public boolean isFeature() {
        return kind == RecordKind.FEATURE;
    }
}
