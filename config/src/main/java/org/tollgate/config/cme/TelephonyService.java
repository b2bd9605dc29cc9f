package org.tollgate.config.cme;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code telephony-service}: SCCP call-manager settings.
 *
 * @param maxEphones {@code max-ephones N}
 * @param maxDn {@code max-dn N}
 * @param ipSourceAddress {@code ip source-address A [port P]}: where SCCP phones register
 * @param ipSourcePort port of {@code ip source-address}; empty = 2000
 * @param interdigitSeconds {@code timeouts interdigit 1..120}; empty = 10 s
 * @param kept other accepted commands ({@code call-park system ...}, {@code transfer-system ...},
 *     {@code create cnf-files} ...), whitespace-normalised, in order; no effect
 */
public record TelephonyService(OptionalInt maxEphones, OptionalInt maxDn, Optional<String> ipSourceAddress,
                               OptionalInt ipSourcePort, OptionalInt interdigitSeconds, List<String> kept) {
    public static final TelephonyService DEFAULT = new TelephonyService(OptionalInt.empty(), OptionalInt.empty(),
            Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of());

    public TelephonyService {
        kept = List.copyOf(kept);
    }

    public TelephonyService withMaxEphones(OptionalInt v) {
        return new TelephonyService(v, maxDn, ipSourceAddress, ipSourcePort, interdigitSeconds, kept);
    }

    public TelephonyService withMaxDn(OptionalInt v) {
        return new TelephonyService(maxEphones, v, ipSourceAddress, ipSourcePort, interdigitSeconds, kept);
    }

    public TelephonyService withIpSource(Optional<String> a, OptionalInt p) {
        return new TelephonyService(maxEphones, maxDn, a, p, interdigitSeconds, kept);
    }

    public TelephonyService withInterdigitSeconds(OptionalInt v) {
        return new TelephonyService(maxEphones, maxDn, ipSourceAddress, ipSourcePort, v, kept);
    }

    public TelephonyService withKept(List<String> v) {
        return new TelephonyService(maxEphones, maxDn, ipSourceAddress, ipSourcePort, interdigitSeconds, v);
    }
}
