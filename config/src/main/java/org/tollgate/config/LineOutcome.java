package org.tollgate.config;

/** What {@link ConfigSession#enter(String)} did with one line. */
public sealed interface LineOutcome {

    /** Applied (or a comment); {@code mode} is the prompt suffix now in effect, e.g. {@code config-dial-peer}. */
    record Accepted(String mode) implements LineOutcome {
    }

    /** Rejected; nothing changed. */
    record Rejected(ConfigError error) implements LineOutcome {
    }

    /** {@code end} (or {@code exit} from global configuration): leave configuration mode. */
    record Ended() implements LineOutcome {
    }
}
