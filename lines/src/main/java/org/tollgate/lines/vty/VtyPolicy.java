package org.tollgate.lines.vty;

import org.tollgate.lines.exec.LoginMode;

/**
 * What the running configuration says about {@code line vty}: the configured range (bounds the
 * number of concurrent telnet + SSH sessions), the absolute number of {@code vty 0}, the login mode
 * and which transports {@code transport input} allows.
 *
 * @param first  first vty of {@code line vty A B} (default 0)
 * @param last   last vty (default 4: five sessions, as IOS)
 * @param base   absolute line number of vty 0 (see {@link org.tollgate.lines.exec.LineTable#vtyBase})
 * @param telnet whether {@code transport input} admits telnet
 * @param ssh    whether {@code transport input} admits ssh
 * @param execTimeout idle time after which a session is disconnected ({@code exec-timeout}, IOS default
 *               10 minutes; {@link java.time.Duration#ZERO} = never)
 */
public record VtyPolicy(int first, int last, int base, LoginMode login, boolean telnet, boolean ssh,
                        java.time.Duration execTimeout) {
}
