package org.tollgate.config.accounting;

import java.util.Optional;

/**
 * The {@code gw-accounting file} sub-mode (file CDRs as CSV).
 *
 * @param primary primary target
 * @param secondary secondary target, used when the primary fails
 * @param compact {@code cdr-format compact} (17 fields) versus {@code detailed} (default)
 * @param bufferSizeKb {@code maximum buffer-size 6..40} KB, default 20
 * @param fileCloseMinutes {@code maximum fileclose-timer 60..1440} minutes, default 1440
 * @param cdrFlushMinutes {@code maximum cdrflush-timer 1..1435} minutes, default 60
 * @param retryCount {@code maximum retry-count 1..3}, default 2
 */
public record FileAccounting(Optional<FileTarget> primary, Optional<FileTarget> secondary, boolean compact,
                             int bufferSizeKb, int fileCloseMinutes, int cdrFlushMinutes, int retryCount) {
    public static final FileAccounting DEFAULT = new FileAccounting(Optional.empty(), Optional.empty(), false,
            20, 1440, 60, 2);

    public FileAccounting withPrimary(Optional<FileTarget> v) {
        return new FileAccounting(v, secondary, compact, bufferSizeKb, fileCloseMinutes, cdrFlushMinutes, retryCount);
    }

    public FileAccounting withSecondary(Optional<FileTarget> v) {
        return new FileAccounting(primary, v, compact, bufferSizeKb, fileCloseMinutes, cdrFlushMinutes, retryCount);
    }

    public FileAccounting withCompact(boolean v) {
        return new FileAccounting(primary, secondary, v, bufferSizeKb, fileCloseMinutes, cdrFlushMinutes, retryCount);
    }

    public FileAccounting withBufferSizeKb(int v) {
        return new FileAccounting(primary, secondary, compact, v, fileCloseMinutes, cdrFlushMinutes, retryCount);
    }

    public FileAccounting withFileCloseMinutes(int v) {
        return new FileAccounting(primary, secondary, compact, bufferSizeKb, v, cdrFlushMinutes, retryCount);
    }

    public FileAccounting withCdrFlushMinutes(int v) {
        return new FileAccounting(primary, secondary, compact, bufferSizeKb, fileCloseMinutes, v, retryCount);
    }

    public FileAccounting withRetryCount(int v) {
        return new FileAccounting(primary, secondary, compact, bufferSizeKb, fileCloseMinutes, cdrFlushMinutes, v);
    }
}
