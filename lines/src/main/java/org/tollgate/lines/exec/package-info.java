/**
 * The EXEC session on a character terminal, for every transport: {@link org.tollgate.lines.exec.ExecSession}
 * runs login ({@link org.tollgate.lines.exec.LoginMode}), then the command loop of
 * {@link org.tollgate.config.cli.CliSession} with IOS line editing ({@link org.tollgate.lines.exec.LineEditor});
 * {@link org.tollgate.lines.exec.LineTable} numbers the lines, feeds {@code show users} and expires idle
 * sessions ({@code exec-timeout}).
 *
 * <pre>
 *   claim line (LineTable) ─▶ login ─▶ prompt ⇄ line ─▶ CliSession ─▶ exit / EOF / exec-timeout ─▶ release line, close
 * </pre>
 */
package org.tollgate.lines.exec;
