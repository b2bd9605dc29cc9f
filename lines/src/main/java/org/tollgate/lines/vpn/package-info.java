/**
 * The tunnel client (vpnclient spec): {@code tollgate vpnd} ({@link org.tollgate.lines.vpn.VpnDaemon}) holds one
 * secure connection (SSH via the {@code tunnel} package) to a head end ({@code tollgate relayapp
 * --vpn-accounts}); {@code tollgate vpnclient} ({@link org.tollgate.lines.vpn.VpnClient}) is a thin client over a
 * Unix domain socket that returns the spec's {@link org.tollgate.lines.vpn.ReturnCode}s.
 *
 * <p>Daemon lifecycle: idle → {@code connect} (200, or 13/14) → connected (routes listening, counters running) →
 * {@code disconnect} (201) or the head end closing → idle. {@code .pcf} profiles ({@link
 * org.tollgate.lines.vpn.PcfProfile}) are read and rewritten by the client; saved passwords are AES-GCM encrypted.
 */
package org.tollgate.lines.vpn;
