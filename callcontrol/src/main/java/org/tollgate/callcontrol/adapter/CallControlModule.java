package org.tollgate.callcontrol.adapter;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.analog.FxsPortDriver;
import org.tollgate.callcontrol.analog.PromptAudio;
import org.tollgate.callcontrol.analog.VoicePortConfig;
import org.tollgate.callcontrol.analog.VoicePorts;
import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.time.CallScheduler;
import org.tollgate.config.GatewayConfig;

/**
 * Call control wired from a {@link GatewayConfig}: the engine, the FXS voice-ports (simulated
 * phones unless another driver is given) and the current {@link CallSettings}.
 *
 * <pre>{@code
 * CallControlModule cc = CallControlModule.create(config, new SystemScheduler(), sipLegFactory,
 *         aaaAuthorizationApplication, cdrSink);
 * cc.calls().startCall(caller, sipLeg, Optional.of("99329"));   // SIP INVITE
 * cc.reconfigure(newConfig);                                      // after "configure terminal"
 * }</pre>
 *
 * <p>{@link #reconfigure(GatewayConfig)} swaps dial plan, LPCOR and timeouts atomically for new
 * calls (calls in progress keep theirs). The set of voice-ports and their settings are read at
 * creation; changing them needs a restart (logged).
 */
public final class CallControlModule {
    private static final Logger LOG = LoggerFactory.getLogger(CallControlModule.class);

    private final AtomicReference<CallSettings> settings;
    private final CallControl calls;
    private final VoicePorts ports;
    private volatile GatewayConfigAdapter.Adapted adapted;

    private CallControlModule(GatewayConfigAdapter.Adapted adapted, CallScheduler scheduler, LegFactory voip,
                              AuthorizationApplication auth, CallRecordSink sink,
                              Function<VoicePortConfig, FxsPortDriver> drivers, PromptAudio prompts) {
        this.adapted = adapted;
        this.settings = new AtomicReference<>(adapted.settings());
        CallControl[] holder = new CallControl[1];
        this.ports = new VoicePorts(adapted.voicePorts(), drivers, () -> holder[0], prompts);
        this.calls = new CallControl(settings::get, scheduler, LegFactory.byKind(ports, voip), auth, sink);
        holder[0] = calls;
        adapted.warnings().forEach(w -> LOG.warn("callcontrol: {}", w));
    }

    /** With the default driver per voice-port: the simulated phone unless {@code device PATH} names hardware. */
    public static CallControlModule create(GatewayConfig config, CallScheduler scheduler, LegFactory voip,
                                           AuthorizationApplication auth, CallRecordSink sink) {
        return create(config, scheduler, voip, auth, sink, c -> FxsPortDriver.defaultFor(c, scheduler));
    }

    /** With a driver per voice-port of the caller's choosing. */
    public static CallControlModule create(GatewayConfig config, CallScheduler scheduler, LegFactory voip,
                                           AuthorizationApplication auth, CallRecordSink sink,
                                           Function<VoicePortConfig, FxsPortDriver> drivers) {
        return create(config, scheduler, voip, auth, sink, drivers, PromptAudio.bundled());
    }

    /**
     * With the default drivers and the analog ports' prompts from {@code prompts} (e.g. a
     * {@code flash:} directory before the bundled prompts).
     */
    public static CallControlModule create(GatewayConfig config, CallScheduler scheduler, LegFactory voip,
                                           AuthorizationApplication auth, CallRecordSink sink, PromptAudio prompts) {
        return create(config, scheduler, voip, auth, sink, c -> FxsPortDriver.defaultFor(c, scheduler), prompts);
    }

    /** With a driver per voice-port and the analog ports' prompt source of the caller's choosing. */
    public static CallControlModule create(GatewayConfig config, CallScheduler scheduler, LegFactory voip,
                                           AuthorizationApplication auth, CallRecordSink sink,
                                           Function<VoicePortConfig, FxsPortDriver> drivers, PromptAudio prompts) {
        Objects.requireNonNull(config, "config");
        return new CallControlModule(GatewayConfigAdapter.adapt(config), scheduler, voip, auth, sink, drivers,
                Objects.requireNonNull(prompts, "prompts"));
    }

    /** Applies a new configuration to calls started from now on. */
    public void reconfigure(GatewayConfig config) {
        GatewayConfigAdapter.Adapted next = GatewayConfigAdapter.adapt(config);
        if (!next.voicePorts().equals(adapted.voicePorts())) {
            LOG.warn("callcontrol: voice-port changes take effect after a restart");
        }
        next.warnings().forEach(w -> LOG.warn("callcontrol: {}", w));
        settings.set(next.settings().withPortOutgoingGroups(adapted.settings().portOutgoingGroups()));
        adapted = new GatewayConfigAdapter.Adapted(settings.get(), adapted.voicePorts(), next.warnings());
    }

    public CallControl calls() {
        return calls;
    }

    public VoicePorts ports() {
        return ports;
    }

    /** The settings new calls get. */
    public CallSettings settings() {
        return settings.get();
    }
}
