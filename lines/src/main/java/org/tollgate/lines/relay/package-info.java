/**
 * Secure telnet relay (secure telnet spec): {@code relayapp} ({@link org.tollgate.lines.relay.RelayApp},
 * {@link org.tollgate.lines.relay.RelayServer}) and {@code tndconnect}
 * ({@link org.tollgate.lines.relay.TndConnect}, {@link org.tollgate.lines.relay.Connector}).
 *
 * <pre>
 *  engineer's stock telnet ──TCP──▶ relayapp ◀══SSH tunnel══ tndconnect ──TCP──▶ telnet daemon
 *        "Password: &lt;otp&gt;"     (joins by OTP)    (outbound)     (audit log)     (gateway CLI)
 * </pre>
 *
 * Lifecycle of one tndconnect run: probe daemon → tunnel up (waiting, idle timer running) → engineer joins
 * ({@code CONNECT}/{@code OK}) → relaying → ended by the first {@link org.tollgate.lines.relay.SessionEnd}
 * cause → exit. Never restarted.
 */
package org.tollgate.lines.relay;
