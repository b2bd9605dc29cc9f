package org.tollgate.config;

import org.tollgate.config.internal.Engine;

/**
 * Parses IOS configuration text (a file, or text pasted into {@code configure terminal}).
 *
 * <p>All errors are collected, each with line and column; when there is any, nothing is applied
 * ({@link ParseResult.Failed}). Lines end with LF or CR LF; a leading byte-order mark is ignored.
 * Limits: lines of at most 4096 characters.
 */
public final class ConfigParser {
    private ConfigParser() {
    }

    /** Parses {@code text} from an empty configuration. */
    public static ParseResult parse(String sourceName, String text) {
        return apply(GatewayConfig.empty(), sourceName, text);
    }

    /**
     * Applies {@code text} on top of {@code base} with IOS semantics: {@code no username x} removes,
     * re-entering {@code voice-port 0/1/0} edits the existing port, and so on.
     */
    public static ParseResult apply(GatewayConfig base, String sourceName, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Engine e = new Engine(sourceName, base, true, Engine.usesIndentation(body));
        for (String line : body.split("\n", -1)) {
            e.enter(line);
        }
        return e.finish();
    }
}
