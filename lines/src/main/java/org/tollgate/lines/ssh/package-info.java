/**
 * Pieces shared by tollgate's Apache MINA SSHD servers (the {@code line vty} SSH server in
 * {@code vty}, the secure telnet relay's tunnel end in {@code relay}): {@link StreamCommand}, the
 * channel command that talks over the channel's input and output streams.
 */
package org.tollgate.lines.ssh;
