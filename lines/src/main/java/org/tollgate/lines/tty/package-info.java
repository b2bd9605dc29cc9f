/**
 * Serial lines for the modem (aux/tty) lines.
 *
 * <p>{@link org.tollgate.lines.tty.SerialLine} is the port (production: {@link org.tollgate.lines.tty.JSerialCommLine},
 * opened by path, so pseudo-terminals work); {@link org.tollgate.lines.tty.LineInput} owns the reader thread and
 * buffers input for the line's own thread, with timeouts measured by the injected
 * {@link org.tollgate.lines.tty.LineScheduler}; {@link org.tollgate.lines.tty.LineDebug} carries
 * {@code debug modem|callback|chat} lines to the CLI's debug bus.
 */
package org.tollgate.lines.tty;
