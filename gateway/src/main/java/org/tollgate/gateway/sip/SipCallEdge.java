package org.tollgate.gateway.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.analog.PromptAudio;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.config.GatewayConfig;
import org.tollgate.dsp.rtp.RtpEngine;
import org.tollgate.dsp.sched.ExecutorMediaScheduler;
import org.tollgate.gateway.sip.b2bua.SipB2bua;

/**
 * The SIP edge with calls: the RTP engine, the {@link SipB2bua} and the {@link SipEdge} (registrar,
 * server), connected to call control. For {@code tollgate run} (one call after {@code CallServices}
 * started):
 *
 * <pre>{@code
 * SipCallEdge sip = SipCallEdge.start(config::get, options.sipPort(), clock,
 *         callServices.module().calls(), callServices::setVoipLegs);
 * resources.add(sip);
 * }</pre>
 *
 * <p>The RTP engine binds the SIP address ({@code 0.0.0.0} when the server listens on all
 * addresses), ports 16384..32767, with {@link #MEDIA_THREADS} pacing threads.
 */
public final class SipCallEdge implements AutoCloseable {
    /** Media pacing threads of the RTP engine. */
    public static final int MEDIA_THREADS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(SipCallEdge.class);

    private final SipEdge edge;
    private final SipB2bua b2bua;
    private final RtpEngine rtp;
    private final ExecutorMediaScheduler media;

    private SipCallEdge(SipEdge edge, SipB2bua b2bua, RtpEngine rtp, ExecutorMediaScheduler media) {
        this.edge = edge;
        this.b2bua = b2bua;
        this.rtp = rtp;
        this.media = media;
    }

    /**
     * Starts RTP, the B2BUA and the SIP edge and gives call control the SIP leg factory.
     *
     * @param config the running configuration (read on each call)
     * @param sipPort {@code --sip-port}
     * @param calls call control
     * @param voipLegs where the SIP leg factory is installed ({@code CallServices::setVoipLegs})
     */
    public static SipCallEdge start(Supplier<GatewayConfig> config, OptionalInt sipPort, Clock clock, CallControl calls,
                                    java.util.function.Consumer<LegFactory> voipLegs)
            throws SipServer.SipStartException, IOException {
        return start(config, sipPort, clock, calls, voipLegs, SipB2bua.Settings.defaults());
    }

    /** As {@link #start(Supplier, OptionalInt, Clock, CallControl, java.util.function.Consumer)} with B2BUA settings. */
    public static SipCallEdge start(Supplier<GatewayConfig> config, OptionalInt sipPort, Clock clock, CallControl calls,
                                    java.util.function.Consumer<LegFactory> voipLegs, SipB2bua.Settings settings)
            throws SipServer.SipStartException, IOException {
        return start(config, java.util.Optional.empty(), sipPort, clock, calls, voipLegs, settings);
    }

    /**
     * As {@link #start(Supplier, OptionalInt, Clock, CallControl, java.util.function.Consumer, SipB2bua.Settings)},
     * with {@code --sip-address}: SIP (UDP and TCP) and RTP bind there instead of
     * {@code voice register global source-address}.
     */
    public static SipCallEdge start(Supplier<GatewayConfig> config, java.util.Optional<String> sipAddress,
                                    OptionalInt sipPort, Clock clock, CallControl calls,
                                    java.util.function.Consumer<LegFactory> voipLegs, SipB2bua.Settings settings)
            throws SipServer.SipStartException, IOException {
        Objects.requireNonNull(calls, "calls");
        GatewayConfig cfg = config.get();
        SipServerSettings sipSettings = org.tollgate.gateway.sip.config.SipConfiguration.settings(cfg, sipAddress,
                sipPort);
        ExecutorMediaScheduler media = new ExecutorMediaScheduler(MEDIA_THREADS);
        RtpEngine rtp;
        try {
            rtp = new RtpEngine(RtpEngine.Settings.defaults()
                    .withBindAddress(InetAddress.getByName(sipSettings.bindAddress())), media, clock);
        } catch (IOException | RuntimeException e) {
            media.close();
            throw e;
        }
        PromptAudio prompts = PromptAudio.bundled();
        SipB2bua b2bua = new SipB2bua(settings, config, rtp, prompts::load);
        SipEdge edge;
        try {
            edge = SipEdge.start(cfg, sipAddress, sipPort, clock, b2bua);
        } catch (SipServer.SipStartException | RuntimeException e) {
            rtp.close();
            media.close();
            throw e;
        }
        b2bua.attach(edge.server(), edge.registrar().registry(), calls);
        voipLegs.accept(b2bua.legFactory());
        LOG.info("SIP calls on {}:{}", edge.server().address(), edge.server().port());
        return new SipCallEdge(edge, b2bua, rtp, media);
    }

    /** The SIP edge (server, registrar, directory). */
    public SipEdge edge() {
        return edge;
    }

    /** The B2BUA. */
    public SipB2bua b2bua() {
        return b2bua;
    }

    @Override public void close() {
        edge.close();
        rtp.close();
        media.close();
    }
}
