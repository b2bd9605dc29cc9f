package org.tollgate.callcontrol.analog;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One FXS {@code voice-port X/Y/Z} as call control uses it.
 *
 * @param id the port ({@code 0/1/0})
 * @param stationName {@code station-id name}, empty if none
 * @param stationNumber {@code station-id number}, empty if none (the calling number of its calls)
 * @param callerId {@code caller-id enable}: send caller ID when ringing this port
 * @param lpcorIncoming {@code lpcor incoming G}: group of calls made from this phone
 * @param lpcorOutgoing {@code lpcor outgoing G}: group whose policy applies to calls to this phone
 * @param interdigit {@code timeouts interdigit} on the port (overrides the global value)
 * @param shutdown {@code shutdown}: the port takes and makes no calls
 * @param device {@code device sim|PATH}: what drives the port; empty or {@code sim} = the simulated phone
 */
public record VoicePortConfig(String id, String stationName, String stationNumber, boolean callerId,
                              Optional<String> lpcorIncoming, Optional<String> lpcorOutgoing,
                              Optional<Duration> interdigit, boolean shutdown, Optional<String> device) {
    /** As configured without {@code device} (simulated phone). */
    public VoicePortConfig(String id, String stationName, String stationNumber, boolean callerId,
                           Optional<String> lpcorIncoming, Optional<String> lpcorOutgoing,
                           Optional<Duration> interdigit, boolean shutdown) {
        this(id, stationName, stationNumber, callerId, lpcorIncoming, lpcorOutgoing, interdigit, shutdown,
                Optional.empty());
    }

    public VoicePortConfig {
        Objects.requireNonNull(id, "id");
        stationName = stationName == null ? "" : stationName;
        stationNumber = stationNumber == null ? "" : stationNumber;
        Objects.requireNonNull(lpcorIncoming, "lpcorIncoming");
        Objects.requireNonNull(lpcorOutgoing, "lpcorOutgoing");
        Objects.requireNonNull(interdigit, "interdigit");
        Objects.requireNonNull(device, "device");
    }

    /** Whether the port is driven by the simulated phone ({@code device} absent or {@code sim}). */
    public boolean simulated() {
        return device.isEmpty() || device.get().equals("sim");
    }

    /** A port with nothing configured but its id. */
    public static VoicePortConfig of(String id) {
        return new VoicePortConfig(id, "", "", false, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
}
