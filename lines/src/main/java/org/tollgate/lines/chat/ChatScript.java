package org.tollgate.lines.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A parsed IOS {@code chat-script}: the expect/send dialogue used to drive a modem (callback dialling,
 * {@code script modem-off-hook}, {@code start-chat}). Build one with {@link ChatScriptParser#parse}.
 *
 * @param name  the script name from {@code chat-script NAME ...}
 * @param text  the script text as configured (verbatim)
 * @param steps the steps in order
 */
public record ChatScript(String name, String text, List<ChatStep> steps) {

    /** The expect wait when no {@code TIMEOUT} precedes an expect: 5 seconds, as in IOS. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public ChatScript {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
        steps = List.copyOf(steps);
    }
}
