package org.tollgate.lines.tty;

/**
 * Where {@code debug modem}, {@code debug callback} and {@code debug chat} lines go. The gateway adapts the
 * operator CLI's debug bus to this; {@link #NONE} drops everything.
 */
@FunctionalInterface
public interface LineDebug {

    /** {@code debug modem}: modem control and EXEC start. */
    String MODEM = "modem";
    /** {@code debug callback}: callback events. */
    String CALLBACK = "callback";
    /** {@code debug chat}: chat-script steps. */
    String CHAT = "chat";

    /** Emits one line (no timestamp: the bus adds it) for {@code category}. */
    void emit(String category, String line);

    LineDebug NONE = (c, l) -> { };
}
