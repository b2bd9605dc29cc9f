package org.tollgate.config.cme;

import java.util.List;
import java.util.Optional;

/**
 * {@code voice register dn TAG}: a directory number of SIP phones.
 *
 * @param tag 1..2147483647
 * @param number {@code number N}
 * @param name {@code name TEXT}
 * @param label {@code label TEXT}
 * @param callForwards {@code call-forward b2bua all|busy|noan N [timeout S]}
 * @param pickupGroup {@code pickup-group N}
 * @param snr {@code snr N delay D timeout T}: single number reach
 */
public record VoiceRegisterDn(int tag, Optional<String> number, Optional<String> name, Optional<String> label,
                              List<CallForward> callForwards, Optional<String> pickupGroup, Optional<Snr> snr) {
    public VoiceRegisterDn {
        callForwards = List.copyOf(callForwards);
    }

    public static VoiceRegisterDn of(int tag) {
        return new VoiceRegisterDn(tag, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
    }

    public VoiceRegisterDn withNumber(Optional<String> v) {
        return new VoiceRegisterDn(tag, v, name, label, callForwards, pickupGroup, snr);
    }

    public VoiceRegisterDn withName(Optional<String> v) {
        return new VoiceRegisterDn(tag, number, v, label, callForwards, pickupGroup, snr);
    }

    public VoiceRegisterDn withLabel(Optional<String> v) {
        return new VoiceRegisterDn(tag, number, name, v, callForwards, pickupGroup, snr);
    }

    public VoiceRegisterDn withCallForwards(List<CallForward> v) {
        return new VoiceRegisterDn(tag, number, name, label, v, pickupGroup, snr);
    }

    public VoiceRegisterDn withPickupGroup(Optional<String> v) {
        return new VoiceRegisterDn(tag, number, name, label, callForwards, v, snr);
    }

    public VoiceRegisterDn withSnr(Optional<Snr> v) {
        return new VoiceRegisterDn(tag, number, name, label, callForwards, pickupGroup, v);
    }
}
