/**
 * The secure tunnel machinery shared by the secure telnet relay ({@code relayapp}/{@code tndconnect}) and
 * the tunnel client ({@code vpnd}/{@code vpnclient}).
 *
 * <p>Every tunnel is an SSH-2 connection made with Apache MINA SSHD ({@link SshTunnels}): the head end
 * ({@code relayapp}) is the SSH server and is authenticated by its persisted host key, which the
 * connecting side pins ({@link HostKeyTrust}); the connecting side is authenticated by a password-derived
 * proof ({@link OtpProof}) or, for the tunnel client, by its group and user passwords inside the encrypted
 * transport. Idle detection ({@link IdleTimer}) runs on an injected {@link java.time.Clock}.
 */
package org.tollgate.lines.tunnel;
