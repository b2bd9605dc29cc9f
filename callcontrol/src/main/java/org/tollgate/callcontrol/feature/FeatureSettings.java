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
 * @param parkSlots numbers of the call-park slots (a parked call is retrieved by dialling its slot)
 * @param parkTimeout how long a call stays parked before it is recalled; default {@link #DEFAULT_PARK_TIMEOUT} (60 s)
 * @param parkRecall where a timed-out parked call goes; empty = back to the parker (default)
 * @param meetMeNumbers numbers of meet-me conferences
 * @param meetMeMaxParties parties per meet-me conference; default {@link #DEFAULT_MEETME_PARTIES} (8, as CME)
 * @param maxForwardHops forwards followed within one call before the call is released with cause 1
 *        (loop guard); default {@link #DEFAULT_MAX_FORWARD_HOPS} (5)
 */
public record FeatureSettings(ForwardTable forwards, Map<String, String> pickupGroups, List<String> parkSlots,
                              Duration parkTimeout, Optional<String> parkRecall, Set<String> meetMeNumbers,
                              int meetMeMaxParties, int maxForwardHops) {
    public static final Duration DEFAULT_PARK_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MEETME_PARTIES = 8;
    public static final int DEFAULT_MAX_FORWARD_HOPS = 5;
    /** No forwards, no pickup groups, no park slots, no meet-me numbers. */
    public static final FeatureSettings NONE = new FeatureSettings(ForwardTable.EMPTY, Map.of(), List.of(),
            DEFAULT_PARK_TIMEOUT, Optional.empty(), Set.of(), DEFAULT_MEETME_PARTIES, DEFAULT_MAX_FORWARD_HOPS);

    public FeatureSettings {
        Objects.requireNonNull(forwards, "forwards");
        pickupGroups = Map.copyOf(pickupGroups);
        parkSlots = List.copyOf(parkSlots);
        Objects.requireNonNull(parkTimeout, "parkTimeout");
        Objects.requireNonNull(parkRecall, "parkRecall");
        meetMeNumbers = Set.copyOf(meetMeNumbers);
    }

    public FeatureSettings withForwards(ForwardTable v) {
        return new FeatureSettings(v, pickupGroups, parkSlots, parkTimeout, parkRecall, meetMeNumbers,
                meetMeMaxParties, maxForwardHops);
    }

    public FeatureSettings withPickupGroups(Map<String, String> v) {
        return new FeatureSettings(forwards, v, parkSlots, parkTimeout, parkRecall, meetMeNumbers,
                meetMeMaxParties, maxForwardHops);
    }

    public FeatureSettings withPark(List<String> slots, Duration timeout, Optional<String> recall) {
        return new FeatureSettings(forwards, pickupGroups, slots, timeout, recall, meetMeNumbers,
                meetMeMaxParties, maxForwardHops);
    }

    public FeatureSettings withMeetMe(Set<String> numbers) {
        return new FeatureSettings(forwards, pickupGroups, parkSlots, parkTimeout, parkRecall, numbers,
                meetMeMaxParties, maxForwardHops);
    }
}
