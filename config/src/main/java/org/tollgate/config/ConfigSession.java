package org.tollgate.config;

import java.util.List;
import org.tollgate.config.internal.Engine;

/**
 * An interactive {@code configure terminal} session: lines are entered one at a time, each checked as
 * typed (a rejected line changes nothing, as in IOS), and {@link #finish()} yields the new configuration
 * for the caller to swap in atomically.
 *
 * <p>Not thread-safe: one session per operator terminal.
 */
public final class ConfigSession {
    private final Engine engine;

    private ConfigSession(Engine engine) {
        this.engine = engine;
    }

    /** Starts a session editing {@code base}. */
    public static ConfigSession begin(GatewayConfig base) {
        return new ConfigSession(new Engine("terminal", base, false, false));
    }

    /** Processes one line typed by the operator. */
    public LineOutcome enter(String line) {
        return engine.enter(line);
    }

    /** The IOS prompt suffix of the current mode, e.g. {@code config}, {@code config-dial-peer}. */
    public String mode() {
        return engine.mode();
    }

    /** The configuration with every accepted line applied so far. */
    public GatewayConfig current() {
        return engine.current();
    }

    /** Ends the session: the configuration with all accepted lines, plus warnings. */
    public ParseResult finish() {
        return engine.finish();
    }

    /**
     * {@code ?} help: for a partial line in the current mode, the candidate next words with a short help
     * each. When the line does not end in a space its last word is a prefix being typed, and only the
     * candidates it starts are returned. Placeholders: {@code <1-64>}, {@code WORD}, {@code LINE},
     * {@code <cr>} (the command may end here).
     */
    public List<ConfigHelp> completions(String partialLine) {
        return engine.completions(partialLine);
    }
}
