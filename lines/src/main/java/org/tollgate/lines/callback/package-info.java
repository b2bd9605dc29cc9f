/**
 * EXEC callback on modem lines ({@code service exec-callback}).
 *
 * <pre>
 *  IDLE --RING/ATA or CONNECT--> LOGIN --user without callback--> EXEC --exit/NO CARRIER/clear--> HANGUP --> IDLE
 *                                  |
 *                                  +--callback-dialstring--> CALLBACK (hang up, modem-off-hook script,
 *                                       forced wait, callback script) --CONNECT--> [LOGIN again unless
 *                                       nocallback-verify] --> EXEC
 *                                       --BUSY/ERROR/TIMEOUT--> counted, HANGUP --> IDLE
 * </pre>
 *
 * <p>{@link org.tollgate.lines.callback.ModemLineService} starts one
 * {@code ExecCallbackLine} per configured device; {@link org.tollgate.lines.callback.ExecSessionLauncher} is the
 * step into the operator CLI ({@link org.tollgate.lines.callback.CliExecLauncher});
 * {@link org.tollgate.lines.callback.ModemLineCommands} adds {@code show line}, {@code clear line},
 * {@code start-chat} and the debug categories. Design and choices: {@code docs/lines.md}.
 */
package org.tollgate.lines.callback;
