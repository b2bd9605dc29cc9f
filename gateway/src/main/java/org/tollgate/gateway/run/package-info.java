/**
 * {@code tollgate run} and {@code tollgate check-config}.
 *
 * <pre>
 *   RunCommand: parse options ─▶ read + validate config (errors: print, exit 1)
 *             ─▶ Gateway.start: store ─▶ CLI tree ─▶ telnet ─▶ SSH ─▶ HTTP ─▶ modem lines ─▶ console
 *             ─▶ wait ── SIGTERM/SIGINT ─▶ Gateway.close (reverse order) ─▶ exit 0
 * </pre>
 */
package org.tollgate.gateway.run;
