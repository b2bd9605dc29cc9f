package org.tollgate.callcontrol.analog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.leg.OutgoingLegRequest;
import org.tollgate.callcontrol.routing.DialPeerTarget;

/**
 * The FXS voice-ports of the gateway, and the pots {@link LegFactory}: a pots dial-peer's
 * {@code port} becomes an outgoing leg on that port; a port that is not idle answers
 * {@link Q850Cause#USER_BUSY} (17), an unknown or shut-down port
 * {@link Q850Cause#DESTINATION_OUT_OF_ORDER} (27).
 */
public final class VoicePorts implements LegFactory {
    private final Map<String, AnalogPort> ports = new LinkedHashMap<>();

    /**
     * @param configs the configured voice-ports
     * @param drivers the driver of each port (e.g. {@code id -> new SimulatedPhone(...)})
     * @param calls the call engine (a supplier: ports and engine refer to each other)
     */
    public VoicePorts(List<VoicePortConfig> configs, Function<VoicePortConfig, FxsPortDriver> drivers,
                      Supplier<CallControl> calls) {
        this(configs, drivers, calls, PromptAudio.bundled());
    }

    /** With prompts from {@code prompts} (e.g. a configured prompt directory before the bundled ones). */
    public VoicePorts(List<VoicePortConfig> configs, Function<VoicePortConfig, FxsPortDriver> drivers,
                      Supplier<CallControl> calls, PromptAudio prompts) {
        for (VoicePortConfig c : configs) {
            ports.put(c.id(), new AnalogPort(c, drivers.apply(c), calls, prompts));
        }
    }

    public Optional<AnalogPort> port(String id) {
        return Optional.ofNullable(ports.get(id));
    }

    public Collection<AnalogPort> all() {
        return ports.values();
    }

    /** {@code lpcor outgoing} per port id (for {@code CallSettings#portOutgoingGroups}). */
    public Map<String, String> outgoingGroups() {
        Map<String, String> m = new LinkedHashMap<>();
        ports.values().forEach(p -> p.config().lpcorOutgoing().ifPresent(g -> m.put(p.config().id(), g)));
        return m;
    }

    @Override
    public Creation create(OutgoingLegRequest request, LegEvents events) {
        if (!(request.peer().target() instanceof DialPeerTarget.Pots pots)) {
            return new Failed(Q850Cause.of(88), "not a pots dial-peer");
        }
        AnalogPort port = ports.get(pots.port());
        if (port == null || port.status() == PortStatus.SHUTDOWN) {
            return new Failed(Q850Cause.DESTINATION_OUT_OF_ORDER, "voice-port " + pots.port() + " not available");
        }
        Optional<LegSignaling> leg = port.reserve(events, request.leg().call().toString());
        return leg.<Creation>map(Created::new)
                .orElseGet(() -> new Failed(Q850Cause.USER_BUSY, "voice-port " + pots.port() + " busy"));
    }
}
