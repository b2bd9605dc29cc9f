/**
 * Credentials in IOS forms: {@link org.tollgate.config.secret.Password} (type 0/7, clear text kept), {@link org.tollgate.config.secret.HashedSecret} (type 5/8/9 hashes) and the {@link org.tollgate.config.secret.Type7} codec. Every comparison is constant-time; nothing here logs or prints a secret.
 */
package org.tollgate.config.secret;
