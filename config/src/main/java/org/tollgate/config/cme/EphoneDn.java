package org.tollgate.config.cme;

import java.util.List;
import java.util.Optional;

/**
 * {@code ephone-dn TAG [dual-line]}: a directory number of an SCCP phone.
 *
 * @param tag 1..2147483647 (IOS limits it by max-dn; tollgate does not)
 * @param dualLine {@code dual-line}
 * @param number {@code number N} the extension
 * @param label {@code label TEXT}
 * @param name {@code name TEXT} (caller-id name)
 * @param callForwards {@code call-forward ...}, at most one per kind
 * @param pickupGroup {@code pickup-group N}
 */
public record EphoneDn(int tag, boolean dualLine, Optional<String> number, Optional<String> label,
                       Optional<String> name, List<CallForward> callForwards, Optional<String> pickupGroup) {
    public EphoneDn {
        callForwards = List.copyOf(callForwards);
    }

    public static EphoneDn of(int tag, boolean dualLine) {
        return new EphoneDn(tag, dualLine, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty());
    }

    public EphoneDn withDualLine(boolean v) {
        return new EphoneDn(tag, v, number, label, name, callForwards, pickupGroup);
    }

    public EphoneDn withNumber(Optional<String> v) {
        return new EphoneDn(tag, dualLine, v, label, name, callForwards, pickupGroup);
    }

    public EphoneDn withLabel(Optional<String> v) {
        return new EphoneDn(tag, dualLine, number, v, name, callForwards, pickupGroup);
    }

    public EphoneDn withName(Optional<String> v) {
        return new EphoneDn(tag, dualLine, number, label, v, callForwards, pickupGroup);
    }

    public EphoneDn withCallForwards(List<CallForward> v) {
        return new EphoneDn(tag, dualLine, number, label, name, v, pickupGroup);
    }

    public EphoneDn withPickupGroup(Optional<String> v) {
        return new EphoneDn(tag, dualLine, number, label, name, callForwards, v);
    }
}
