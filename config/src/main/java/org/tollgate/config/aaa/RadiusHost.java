package org.tollgate.config.aaa;

import java.util.Optional;
import org.tollgate.config.secret.Password;

/**
 * The legacy {@code radius-server host A [auth-port P] [acct-port P] [key K]} form.
 *
 * @param address server address
 * @param authPort default 1645
 * @param acctPort default 1646
 * @param key per-host key; empty = the global {@code radius-server key}
 */
public record RadiusHost(String address, int authPort, int acctPort, Optional<Password> key) {
}
