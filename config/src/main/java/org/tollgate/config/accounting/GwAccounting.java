package org.tollgate.config.accounting;

import java.util.Optional;

/**
 * {@code gw-accounting aaa|file|syslog}: where call detail records go (several may be on).
 *
 * @param aaa RADIUS accounting through the {@code aaa accounting connection h323} list
 * @param syslog {@code %VOIPAAA-5-VOIP_CALL_HISTORY} messages
 * @param file file CDRs; present when {@code gw-accounting file} is configured
 */
public record GwAccounting(boolean aaa, boolean syslog, Optional<FileAccounting> file) {
    public static final GwAccounting DEFAULT = new GwAccounting(false, false, Optional.empty());

    public GwAccounting withAaa(boolean v) {
        return new GwAccounting(v, syslog, file);
    }

    public GwAccounting withSyslog(boolean v) {
        return new GwAccounting(aaa, v, file);
    }

    public GwAccounting withFile(Optional<FileAccounting> v) {
        return new GwAccounting(aaa, syslog, v);
    }
}
