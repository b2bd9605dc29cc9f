package org.tollgate.config.cme;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code voice register ...} blocks for SIP phones.
 *
 * @param global {@code voice register global}; empty when not configured
 * @param dns {@code voice register dn} blocks, by tag
 * @param pools {@code voice register pool} blocks, by tag
 */
public record VoiceRegister(Optional<VoiceRegisterGlobal> global, List<VoiceRegisterDn> dns,
                            List<VoiceRegisterPool> pools) {
    public static final VoiceRegister DEFAULT = new VoiceRegister(Optional.empty(), List.of(), List.of());

    public VoiceRegister {
        dns = dns.stream().sorted(Comparator.comparingInt(VoiceRegisterDn::tag)).toList();
        pools = pools.stream().sorted(Comparator.comparingInt(VoiceRegisterPool::tag)).toList();
    }

    /** {@code voice register dn TAG}. */
    public Optional<VoiceRegisterDn> dn(int tag) {
        return dns.stream().filter(d -> d.tag() == tag).findFirst();
    }

    /** {@code voice register pool TAG}. */
    public Optional<VoiceRegisterPool> pool(int tag) {
        return pools.stream().filter(p -> p.tag() == tag).findFirst();
    }

    public VoiceRegister withGlobal(Optional<VoiceRegisterGlobal> v) {
        return new VoiceRegister(v, dns, pools);
    }

    public VoiceRegister withDns(List<VoiceRegisterDn> v) {
        return new VoiceRegister(global, v, pools);
    }

    public VoiceRegister withPools(List<VoiceRegisterPool> v) {
        return new VoiceRegister(global, dns, v);
    }
}
