package org.tollgate.config.system;

import java.util.Locale;
import java.util.Optional;

/** Syslog severities as IOS names them ({@code logging trap LEVEL}), 0 (emergencies) to 7 (debugging). */
public enum SyslogLevel {
    EMERGENCIES, ALERTS, CRITICAL, ERRORS, WARNINGS, NOTIFICATIONS, INFORMATIONAL, DEBUGGING;

    /** The IOS keyword, e.g. {@code informational}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The numeric severity 0..7. */
    public int severity() {
        return ordinal();
    }

    /** The level for a keyword or a number 0..7. */
    public static Optional<SyslogLevel> parse(String s) {
        for (SyslogLevel l : values()) {
            if (l.keyword().equals(s) || Integer.toString(l.ordinal()).equals(s)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
