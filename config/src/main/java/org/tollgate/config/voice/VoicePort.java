package org.tollgate.config.voice;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import org.tollgate.config.lpcor.LpcorMembership;

/**
 * {@code voice-port X/Y/Z}: an analog (FXS) port.
 *
 * @param id port id such as {@code 0/1/0} (two or three numbers separated by {@code /})
 * @param stationName {@code station-id name} (caller-id name sent for calls from the port)
 * @param stationNumber {@code station-id number}
 * @param callerId {@code caller-id enable}
 * @param lpcor {@code lpcor incoming|outgoing G}
 * @param interdigitSeconds {@code timeouts interdigit 0..120}; empty = telephony/global default (10 s)
 * @param description {@code description TEXT}
 * @param shutdown {@code shutdown}
 * @param signal {@code signal loop-start|ground-start} (kept)
 * @param cptone {@code cptone CC} call-progress tone country (kept)
 * @param device {@code device sim|PATH} tollgate extension: what drives the port (e.g. the simulator)
 */
public record VoicePort(String id, Optional<String> stationName, Optional<String> stationNumber, boolean callerId,
                        LpcorMembership lpcor, OptionalInt interdigitSeconds, Optional<String> description,
                        boolean shutdown, Optional<String> signal, Optional<String> cptone, Optional<String> device) {

    /** Orders ports numerically by their id components ({@code 0/1/2} before {@code 0/1/10}). */
    public static final Comparator<String> ID_ORDER = (a, b) -> {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    /** A new, unconfigured port. */
    public static VoicePort of(String id) {
        return new VoicePort(id, Optional.empty(), Optional.empty(), false, LpcorMembership.NONE, OptionalInt.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy for editing; {@link #build()} returns a new record. */
    public static final class Builder {
        private final String id;
        private Optional<String> stationName;
        private Optional<String> stationNumber;
        private boolean callerId;
        private LpcorMembership lpcor;
        private OptionalInt interdigitSeconds;
        private Optional<String> description;
        private boolean shutdown;
        private Optional<String> signal;
        private Optional<String> cptone;
        private Optional<String> device;

        Builder(VoicePort p) {
            id = p.id;
            stationName = p.stationName;
            stationNumber = p.stationNumber;
            callerId = p.callerId;
            lpcor = p.lpcor;
            interdigitSeconds = p.interdigitSeconds;
            description = p.description;
            shutdown = p.shutdown;
            signal = p.signal;
            cptone = p.cptone;
            device = p.device;
        }

        public Builder stationName(Optional<String> v) { stationName = v; return this; }
        public Builder stationNumber(Optional<String> v) { stationNumber = v; return this; }
        public Builder callerId(boolean v) { callerId = v; return this; }
        public LpcorMembership lpcor() { return lpcor; }
        public Builder lpcor(LpcorMembership v) { lpcor = v; return this; }
        public Builder interdigitSeconds(OptionalInt v) { interdigitSeconds = v; return this; }
        public Builder description(Optional<String> v) { description = v; return this; }
        public Builder shutdown(boolean v) { shutdown = v; return this; }
        public Builder signal(Optional<String> v) { signal = v; return this; }
        public Builder cptone(Optional<String> v) { cptone = v; return this; }
        public Builder device(Optional<String> v) { device = v; return this; }

        public VoicePort build() {
            return new VoicePort(id, stationName, stationNumber, callerId, lpcor, interdigitSeconds, description,
                    shutdown, signal, cptone, device);
        }
    }
}
