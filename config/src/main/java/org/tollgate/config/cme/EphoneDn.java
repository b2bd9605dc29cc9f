package org.tollgate.config.cme;

import java.util.List;
import java.util.Optional;

/**
 * {@code ephone-dn TAG [dual-line]}: a directory number of an SCCP phone (or a park slot, a meet-me
 * number, an intercom line).
 *
 * @param tag 1..2147483647 (IOS limits it by max-dn; tollgate does not)
 * @param dualLine {@code dual-line}
 * @param number {@code number N} the extension
 * @param label {@code label TEXT}
 * @param name {@code name TEXT} (caller-id name)
 * @param callForwards {@code call-forward ...}, at most one per kind, in the order all, busy, noan
 * @param pickupGroup {@code pickup-group N}
 * @param parkSlot {@code park-slot ...}: this number is a call-park slot
 * @param conference {@code conference meetme|ad-hoc}: this number is a conference bridge number
 * @param intercom {@code intercom N}: the number this line auto-dials as an intercom line
 * @param snr {@code snr N delay D timeout T}: single number reach
 */
public record EphoneDn(int tag, boolean dualLine, Optional<String> number, Optional<String> label,
                       Optional<String> name, List<CallForward> callForwards, Optional<String> pickupGroup,
                       Optional<ParkSlot> parkSlot, Optional<String> conference, Optional<String> intercom,
                       Optional<Snr> snr) {
    public EphoneDn {
        callForwards = List.copyOf(callForwards);
    }

    public static EphoneDn of(int tag, boolean dualLine) {
        return new EphoneDn(tag, dualLine, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public EphoneDn withDualLine(boolean v) {
        return new EphoneDn(tag, v, number, label, name, callForwards, pickupGroup, parkSlot, conference, intercom, snr);
    }

    public EphoneDn withNumber(Optional<String> v) {
        return new EphoneDn(tag, dualLine, v, label, name, callForwards, pickupGroup, parkSlot, conference, intercom, snr);
    }

    public EphoneDn withLabel(Optional<String> v) {
        return new EphoneDn(tag, dualLine, number, v, name, callForwards, pickupGroup, parkSlot, conference, intercom, snr);
    }

    public EphoneDn withName(Optional<String> v) {
        return new EphoneDn(tag, dualLine, number, label, v, callForwards, pickupGroup, parkSlot, conference, intercom, snr);
    }

    public EphoneDn withCallForwards(List<CallForward> v) {
        return new EphoneDn(tag, dualLine, number, label, name, v, pickupGroup, parkSlot, conference, intercom, snr);
    }

    public EphoneDn withPickupGroup(Optional<String> v) {
        return new EphoneDn(tag, dualLine, number, label, name, callForwards, v, parkSlot, conference, intercom, snr);
    }

    public EphoneDn withParkSlot(Optional<ParkSlot> v) {
        return new EphoneDn(tag, dualLine, number, label, name, callForwards, pickupGroup, v, conference, intercom, snr);
    }

    public EphoneDn withConference(Optional<String> v) {
        return new EphoneDn(tag, dualLine, number, label, name, callForwards, pickupGroup, parkSlot, v, intercom, snr);
    }

    public EphoneDn withIntercom(Optional<String> v) {
        return new EphoneDn(tag, dualLine, number, label, name, callForwards, pickupGroup, parkSlot, conference, v, snr);
    }

    public EphoneDn withSnr(Optional<Snr> v) {
        return new EphoneDn(tag, dualLine, number, label, name, callForwards, pickupGroup, parkSlot, conference, intercom, v);
    }
}
