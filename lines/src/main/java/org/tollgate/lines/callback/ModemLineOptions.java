package org.tollgate.lines.callback;

import java.time.Duration;

/**
 * Line-service settings that the IOS configuration does not carry, with their defaults.
 *
 * @param wakeWindow    after CONNECT, how long the line waits for the caller's Return before it prompts on
 *                      its own (default 2 s; see docs/lines.md "login prompts")
 * @param loginTimeout  wait for each login answer (IOS {@code timeout login response}, default 30 s)
 * @param loginTries    login attempts per call (IOS: 3)
 * @param reopenDelay   wait before reopening a device that failed (default 10 s)
 */
public record ModemLineOptions(Duration wakeWindow, Duration loginTimeout, int loginTries, Duration reopenDelay) {

    public static final ModemLineOptions DEFAULTS =
            new ModemLineOptions(Duration.ofSeconds(2), Duration.ofSeconds(30), 3, Duration.ofSeconds(10));

    public ModemLineOptions {
        if (loginTries < 1) {
            throw new IllegalArgumentException("loginTries must be at least 1");
        }
    }
}
