package org.tollgate.config.line;

/** Kinds of terminal line, in {@code show running-config} order. */
public enum LineKind {
    /** {@code line con 0}: the console. */
    CON,
    /** {@code line A B}: asynchronous tty lines (modems). */
    TTY,
    /** {@code line aux 0}: the auxiliary (modem) port. */
    AUX,
    /** {@code line vty A B}: telnet/SSH sessions. */
    VTY
}
