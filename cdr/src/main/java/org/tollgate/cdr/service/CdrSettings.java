package org.tollgate.cdr.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.tollgate.cdr.store.CdrStore;
import org.tollgate.config.system.DialControlMib;

/**
 * Settings of the {@link CdrService}.
 *
 * @param jdbcUrl      the store; default {@link CdrStore#h2Url(Path)} under the data directory
 * @param owner        this gateway's name on every stored row (its {@code hostname})
 * @param history      {@code dial-control-mib retain-timer} (minutes, default 15) and {@code max-size}
 *                     (default 50) of the history table
 * @param retryInitial first wait after a failed delivery (default 1 s), doubled per failure
 * @param retryMax     longest wait between retries and idle poll period (default 30 s)
 */
public record CdrSettings(String jdbcUrl, String owner, DialControlMib history, Duration retryInitial,
                          Duration retryMax) {
    public static final Duration DEFAULT_RETRY_INITIAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofSeconds(30);

    public CdrSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(history, "history");
    }

    /** The defaults with the H2 store under {@code dataDir}. */
    public static CdrSettings defaults(Path dataDir, String hostname) {
        return new CdrSettings(CdrStore.h2Url(dataDir), hostname, DialControlMib.DEFAULT, DEFAULT_RETRY_INITIAL,
                DEFAULT_RETRY_MAX);
    }

    public CdrSettings withHistory(DialControlMib v) {
        return new CdrSettings(jdbcUrl, owner, v, retryInitial, retryMax);
    }

    public CdrSettings withRetry(Duration initial, Duration max) {
        return new CdrSettings(jdbcUrl, owner, history, initial, max);
    }
}
