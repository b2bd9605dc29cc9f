package org.tollgate.callcontrol.feature;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tollgate.callcontrol.feature.forward.ForwardTable;

/**
 * The call-feature slice of the configuration, immutable, read by the call state machine.
 *
 * @param forwards call-forward settings per number (configured merged with those set from phones)
 * @param pickupGroups {@code pickup-group} of each directory number
 * @param parkSlots the call-park slots, in the order a park takes the first free one (a parked call
 *        is retrieved by dialling its slot's number)
 * @param meetMeNumbers numbers of meet-me conferences
 * @param meetMeMaxParties parties per meet-me conference; default {@link #DEFAULT_MEETME_PARTIES} (8, as CME)
 * @param maxForwardHops forwards followed within one call before the call is released with cause 1
 *        (loop guard); default {@link #DEFAULT_MAX_FORWARD_HOPS} (5)
 * @param parallelHunts {@code voice hunt-group N parallel} groups (pilot numbers are feature numbers)
 * @param flashConsult what a number dialled after a hook flash does: {@code true} (default, CME's
 *        {@code transfer-system full-consult}) a consult call from the flasher, the transfer completing
 *        when the flasher hangs up; {@code false} ({@code transfer-system full-blind}) a blind transfer at once
 * @param singleNumberReach {@code snr N delay D timeout T} of directory numbers (those numbers are
 *        feature numbers: {@code engine.SnrRun} rings the desk and the remote number)
 * @param intercoms {@code intercom N} of ephone-dns: line number to the number it calls as an intercom
 *        (a call from the line to N is placed by {@code engine.IntercomRun}, FAC-exempt, auto-answered)
 */
public record FeatureSettings(ForwardTable forwards, Map<String, String> pickupGroups, List<ParkSlot> parkSlots,
                              Set<String> meetMeNumbers, int meetMeMaxParties, int maxForwardHops,
                              List<ParallelHunt> parallelHunts, boolean flashConsult,
                              List<SingleNumberReach> singleNumberReach, Map<String, String> intercoms) {
    /**
     * Single number reach of directory number {@code number} ({@code snr remote delay D timeout T}): a
     * call to it rings the desk at once and also {@code remote} after {@code delay}; the remote number
     * rings for at most {@code timeout}. FAC is never invoked for the remote call (spec section 6).
     */
    public record SingleNumberReach(String number, String remote, Duration delay, Duration timeout) {
        public SingleNumberReach {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * A parallel hunt group: calls to {@code pilot} ring every member at once; the first to answer
     * gets the call, the others are released (cause 26); after {@code timeout} (default 180 s) the call
     * goes to {@code finalNumber} or is released with cause 19. FAC is never invoked (spec section 6).
     */
    public record ParallelHunt(String pilot, List<String> members, Duration timeout, Optional<String> finalNumber) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

        public ParallelHunt {
            Objects.requireNonNull(pilot, "pilot");
            members = List.copyOf(members);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(finalNumber, "finalNumber");
        }
    }

    /**
     * One park slot ({@code ephone-dn} with {@code park-slot}).
     *
     * @param number the slot's number
     * @param recallAfter how long a call stays parked before it is recalled or disconnected
     *        ({@code timeout S limit N}: S × N; tollgate plays no reminders); empty = until retrieved
     * @param recallToParker after {@code recallAfter}, ring the parker ({@code recall})
     * @param transferTo after {@code recallAfter}, send the call to this number instead ({@code transfer N});
     *        with neither, the parked call is disconnected
     */
    public record ParkSlot(String number, Optional<Duration> recallAfter, boolean recallToParker,
                           Optional<String> transferTo) {
        public ParkSlot {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(recallAfter, "recallAfter");
            Objects.requireNonNull(transferTo, "transferTo");
        }

        /** A slot that recalls to the parker after {@code after}. */
        public static ParkSlot recalling(String number, Duration after) {
            return new ParkSlot(number, Optional.of(after), true, Optional.empty());
        }
    }

    public static final int DEFAULT_MEETME_PARTIES = 8;
    public static final int DEFAULT_MAX_FORWARD_HOPS = 5;
    /** No forwards, no pickup groups, no park slots, no meet-me numbers. */
    public static final FeatureSettings NONE = new FeatureSettings(ForwardTable.EMPTY, Map.of(), List.of(), Set.of(),
            DEFAULT_MEETME_PARTIES, DEFAULT_MAX_FORWARD_HOPS, List.of(), true, List.of(), Map.of());

    public FeatureSettings {
        Objects.requireNonNull(forwards, "forwards");
        pickupGroups = Map.copyOf(pickupGroups);
        parkSlots = List.copyOf(parkSlots);
        meetMeNumbers = Set.copyOf(meetMeNumbers);
        parallelHunts = List.copyOf(parallelHunts);
        singleNumberReach = List.copyOf(singleNumberReach);
        intercoms = Map.copyOf(intercoms);
    }

    public FeatureSettings withForwards(ForwardTable v) {
        return new FeatureSettings(v, pickupGroups, parkSlots, meetMeNumbers, meetMeMaxParties, maxForwardHops, parallelHunts, flashConsult, singleNumberReach, intercoms);
    }

    public FeatureSettings withPickupGroups(Map<String, String> v) {
        return new FeatureSettings(forwards, v, parkSlots, meetMeNumbers, meetMeMaxParties, maxForwardHops, parallelHunts, flashConsult, singleNumberReach, intercoms);
    }

    public FeatureSettings withParkSlots(List<ParkSlot> slots) {
        return new FeatureSettings(forwards, pickupGroups, slots, meetMeNumbers, meetMeMaxParties, maxForwardHops, parallelHunts, flashConsult, singleNumberReach, intercoms);
    }

    public FeatureSettings withFlashConsult(boolean v) {
        return new FeatureSettings(forwards, pickupGroups, parkSlots, meetMeNumbers, meetMeMaxParties, maxForwardHops,
                parallelHunts, v, singleNumberReach, intercoms);
    }

    public FeatureSettings withParallelHunts(List<ParallelHunt> v) {
        return new FeatureSettings(forwards, pickupGroups, parkSlots, meetMeNumbers, meetMeMaxParties, maxForwardHops,
                v, flashConsult, singleNumberReach, intercoms);
    }

    public FeatureSettings withSingleNumberReach(List<SingleNumberReach> v) {
        return new FeatureSettings(forwards, pickupGroups, parkSlots, meetMeNumbers, meetMeMaxParties, maxForwardHops,
                parallelHunts, flashConsult, v, intercoms);
    }

    public FeatureSettings withIntercoms(Map<String, String> v) {
        return new FeatureSettings(forwards, pickupGroups, parkSlots, meetMeNumbers, meetMeMaxParties, maxForwardHops,
                parallelHunts, flashConsult, singleNumberReach, v);
    }

    /** Whether a call from {@code caller} to {@code dialled} is an intercom call ({@code intercom dialled} on the caller's line). */
    public boolean isIntercom(String caller, String dialled) {
        return dialled.equals(intercoms.get(caller));
    }

    /** The single number reach settings of directory number {@code number}. */
    public Optional<SingleNumberReach> singleNumberReach(String number) {
        return singleNumberReach.stream().filter(h -> h.number().equals(number)).findFirst();
    }

    /** The parallel hunt group whose pilot is {@code number}. */
    public Optional<ParallelHunt> parallelHunt(String number) {
        return parallelHunts.stream().filter(h -> h.pilot().equals(number)).findFirst();
    }

    /** The park slot numbered {@code number}. */
    public Optional<ParkSlot> parkSlot(String number) {
        return parkSlots.stream().filter(p -> p.number().equals(number)).findFirst();
    }

    /** The numbers of the park slots. */
    public List<String> parkSlotNumbers() {
        return parkSlots.stream().map(ParkSlot::number).toList();
    }

    public FeatureSettings withMeetMe(Set<String> numbers) {
        return new FeatureSettings(forwards, pickupGroups, parkSlots, numbers, meetMeMaxParties, maxForwardHops, parallelHunts, flashConsult, singleNumberReach, intercoms);
    }
}
