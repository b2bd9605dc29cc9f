package org.tollgate.cdr.store;

import org.tollgate.cdr.record.CallLegRecord;

/**
 * One entry of a sink's durable queue.
 *
 * @param seq      the queue position (increasing in enqueue order)
 * @param attempts how many delivery attempts already failed for it (0 on the first try)
 */
public record QueuedRecord(long seq, int attempts, CallLegRecord record) {
}
