/**
 * {@code line vty}: the telnet server ({@link org.tollgate.lines.vty.TelnetServer}, protocol in
 * {@link org.tollgate.lines.vty.TelnetCodec}) and the SSH server ({@link org.tollgate.lines.vty.SshCliServer}),
 * both running an {@link org.tollgate.lines.exec.ExecSession} per connection under the
 * {@link org.tollgate.lines.vty.VtyPolicy} read from the running configuration at each connection.
 */
package org.tollgate.lines.vty;
