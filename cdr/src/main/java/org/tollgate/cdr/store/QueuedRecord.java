package org.tollgate.cdr.store;

import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.RecordKind;

/**
 * One entry of a sink's durable queue.
 *
 * @param seq      the queue position (increasing in enqueue order)
 * @param attempts how many delivery attempts already failed for it (0 on the first try)
 * @param kind     START (a leg connected; start-stop RADIUS only) or STOP (a finished leg)
 */
public record QueuedRecord(long seq, int attempts, CallLegRecord record, RecordKind kind) {
    /** A STOP entry. */
    public QueuedRecord(long seq, int attempts, CallLegRecord record) {
        this(seq, attempts, record, RecordKind.STOP);
    }
}
