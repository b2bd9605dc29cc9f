package org.tollgate.callcontrol.analog;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.media.AudioSink;
import org.tollgate.dsp.dtmf.DtmfDetector;
import org.tollgate.dsp.dtmf.DtmfEvent;
import org.tollgate.dsp.dtmf.DtmfGenerator;
import org.tollgate.dsp.pcm.Pcm;

/**
 * An FXS voice-port as a call endpoint. Off-hook starts a call (the port is its incoming leg);
 * a pots dial-peer naming the port makes it an outgoing leg (ring, answer by off-hook). Digits
 * are found by the {@code dsp} DTMF detector in the phone's audio (in-band). While connected,
 * the phone's audio goes to the far leg and the far leg's audio to the phone.
 *
 * <p>Port transitions ({@link PortStatus}):
 * <pre>
 * IDLE --off-hook--> ORIGINATING --call connected--> CONNECTED --on-hook--> IDLE
 * IDLE --offered--> RESERVED --Offer--> RINGING --off-hook--> CONNECTED
 * ORIGINATING/CONNECTED --call released--> RELEASED_OFF_HOOK (reorder) --on-hook--> IDLE
 * RESERVED --intercom Offer, driver auto-answers--> CONNECTED (whisper)
 * RINGING --call released--> IDLE
 * </pre>
 * An intercom offer ({@link LegCommand.Offer#autoAnswer()}) that the driver can auto-answer connects
 * at once in <em>whisper</em> mode: the caller is heard, but the phone's audio goes to the caller only
 * from the first frame at or above {@value #WHISPER_SPEECH_DBM0} dBm0 (the user speaks) or the
 * handset is lifted. Thread-safe (one monitor per port).
 */
public final class AnalogPort implements FxsPortListener {
    private static final Logger LOG = LoggerFactory.getLogger(AnalogPort.class);
    /** Frame level (mean power, dBm0) that counts as the called user speaking and ends whisper mode. */
    public static final double WHISPER_SPEECH_DBM0 = -35;
    private static final double WHISPER_SPEECH_POWER = Pcm.sinePower(WHISPER_SPEECH_DBM0);

    private final VoicePortConfig config;
    private final FxsPortDriver driver;
    private final Supplier<CallControl> calls;
    private final DtmfDetector detector = new DtmfDetector();
    private final PromptAudio prompts;

    private PortStatus status;
    private LegEvents events;
    private Leg current;
    private AudioSink peerAudio;
    private Sound playing = new Sound.Silence();
    private String lastCall = "";
    private Optional<Q850Cause> lastCause = Optional.empty();
    private boolean whisper;
    /** Auto-answered intercom call, handset not lifted: the call's release puts the port back to idle. */
    private boolean speaker;

    public AnalogPort(VoicePortConfig config, FxsPortDriver driver, Supplier<CallControl> calls) {
        this(config, driver, calls, PromptAudio.bundled());
    }

    public AnalogPort(VoicePortConfig config, FxsPortDriver driver, Supplier<CallControl> calls, PromptAudio prompts) {
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.config = Objects.requireNonNull(config, "config");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.status = config.shutdown() || !driver.available() ? PortStatus.SHUTDOWN : PortStatus.IDLE;
        driver.attach(this);
    }

    public VoicePortConfig config() {
        return config;
    }

    public FxsPortDriver driver() {
        return driver;
    }

    public synchronized PortStatus status() {
        return status;
    }

    /** What the port is playing to its phone now. */
    public synchronized Sound playing() {
        return playing;
    }

    /** The disconnect cause of the port's last released call leg, if any. */
    public synchronized Optional<Q850Cause> lastCause() {
        return lastCause;
    }

    /** The last call this port took part in ({@code call-3}), empty before the first. */
    public synchronized String lastCall() {
        return lastCall;
    }

    // ---- from the phone ------------------------------------------------------------------------

    @Override
    public void hook(boolean offHook) {
        Runnable after = () -> { };
        synchronized (this) {
            switch (status) {
                case IDLE -> {
                    if (offHook) {
                        status = PortStatus.ORIGINATING;
                        detector.flush();
                        after = this::originate;
                    }
                }
                case RINGING -> {
                    if (offHook) {
                        driver.stopRinging();
                        status = PortStatus.CONNECTED;
                        after = events::answered;
                    }
                }
                case ORIGINATING, CONNECTED -> {
                    if (offHook) {
                        speaker = false;
                    }
                    if (offHook && whisper) {
                        whisper = false;
                        LOG.info("voice-port {}: intercom picked up, two-way audio", config.id());
                    }
                    if (!offHook) {
                        LegEvents e = events;
                        toIdle();
                        if (e != null) {
                            lastCause = Optional.of(Q850Cause.NORMAL_CALL_CLEARING);
                            after = () -> e.released(Q850Cause.NORMAL_CALL_CLEARING);
                        }
                    }
                }
                case RELEASED_OFF_HOOK -> {
                    if (!offHook) {
                        toIdle();
                    }
                }
                case RESERVED, SHUTDOWN -> {
                }
            }
        }
        after.run();
    }

    @Override
    public void flash() {
        LegEvents e;
        synchronized (this) {
            e = status == PortStatus.ORIGINATING || status == PortStatus.CONNECTED ? events : null;
        }
        if (e != null) {
            e.flash();
        }
    }

    /** Phone audio: to the far leg while connected, else through the DTMF detector (calls happen outside the port's lock). */
    @Override
    public void audio(short[] pcm) {
        AudioSink peer = null;
        LegEvents e = null;
        StringBuilder digits = new StringBuilder();
        synchronized (this) {
            if (status == PortStatus.CONNECTED && current != null) {
                current.received(pcm.length);
            }
            if (status == PortStatus.CONNECTED && whisper && Pcm.meanPower(pcm) >= WHISPER_SPEECH_POWER) {
                whisper = false;
                LOG.info("voice-port {}: intercom answered by voice, two-way audio", config.id());
            }
            if (status == PortStatus.CONNECTED && whisper) {
                return;
            }
            if (status == PortStatus.CONNECTED && peerAudio != null) {
                peer = peerAudio;
            } else if (status == PortStatus.ORIGINATING || status == PortStatus.CONNECTED) {
                for (DtmfEvent ev : detector.process(pcm)) {
                    if (ev instanceof DtmfEvent.DigitStarted d) {
                        digits.append(d.digit().symbol());
                    }
                }
                e = events;
            }
        }
        if (peer != null) {
            peer.accept(pcm);
        } else if (e != null && !digits.isEmpty()) {
            e.digits(digits.toString());
        }
    }

    /** Starts the call for an off-hook; called outside the port's lock (the engine may call back into the port). */
    private void originate() {
        Caller caller = new Caller(config.id(), config.stationNumber(), config.stationName(), config.lpcorIncoming());
        LOG.info("voice-port {}: off-hook", config.id());
        Leg leg = new Leg();
        synchronized (this) {
            current = leg;
        }
        IncomingCall call = calls.get().startCall(caller, leg, Optional.empty(), config.interdigit());
        synchronized (this) {
            if (status == PortStatus.ORIGINATING || status == PortStatus.RELEASED_OFF_HOOK) {
                events = status == PortStatus.ORIGINATING ? call.events() : null;
            }
            lastCall = call.ref().toString();
        }
    }

    private void toIdle() {
        status = config.shutdown() || !driver.available() ? PortStatus.SHUTDOWN : PortStatus.IDLE;
        events = null;
        peerAudio = null;
        current = null;
        whisper = false;
        speaker = false;
        play(new Sound.Silence());
    }

    private void play(Sound s) {
        playing = s;
        driver.play(s);
    }

    // ---- as an outgoing leg --------------------------------------------------------------------

    /**
     * Reserves the port for an outgoing call; empty with the reason when it cannot take one.
     * Called by {@link VoicePorts} as a pots {@code LegFactory}.
     */
    synchronized Optional<LegSignaling> reserve(LegEvents legEvents, String call) {
        if (status != PortStatus.IDLE) {
            return Optional.empty();
        }
        status = PortStatus.RESERVED;
        events = legEvents;
        lastCall = call;
        current = new Leg();
        return Optional.of(current);
    }

    /**
     * The signaling side of the port's current call leg (either direction). Counts connected audio as
     * 20 ms frames and G.711-equivalent bytes (one per sample): transmit = to the phone, receive = from it.
     */
    private final class Leg implements LegSignaling {
        private final java.util.concurrent.atomic.AtomicLongArray counts = new java.util.concurrent.atomic.AtomicLongArray(4);

        void received(int samples) {
            counts.incrementAndGet(2);
            counts.addAndGet(3, samples);
        }

        private void toPhone(short[] pcm) {
            counts.incrementAndGet(0);
            counts.addAndGet(1, pcm.length);
            driver.audio(pcm);
        }

        @Override
        public Optional<org.tollgate.callcontrol.media.MediaCounters> counters() {
            return Optional.of(new org.tollgate.callcontrol.media.MediaCounters(counts.get(0), counts.get(1),
                    counts.get(2), counts.get(3), "g711ulaw"));
        }

        @Override
        public void handle(LegCommand command) {
            LegEvents answered = null;
            synchronized (AnalogPort.this) {
                switch (command) {
                    case LegCommand.PlayTone t -> play(new Sound.ToneSound(t.tone()));
                    case LegCommand.PlayPrompt p -> play(new Sound.Prompt(p.promptUrl(), prompts.load(p.promptUrl())));
                    case LegCommand.StopTone s -> play(new Sound.Silence());
                    case LegCommand.Offer o -> {
                        if (status == PortStatus.RESERVED && o.autoAnswer() && driver.autoAnswer()) {
                            status = PortStatus.CONNECTED;
                            whisper = true;
                            speaker = true;
                            answered = events;
                            LOG.info("voice-port {}: intercom call from {} auto-answered (whisper)", config.id(),
                                    o.callingNumber());
                        } else if (status == PortStatus.RESERVED) {
                            status = PortStatus.RINGING;
                            driver.ring(config.callerId()
                                    ? Optional.of(new FxsPortDriver.CallerId(o.callingNumber(), o.callingName()))
                                    : Optional.empty());
                            events.alerting();
                        }
                    }
                    case LegCommand.Connect c -> {
                        if (status == PortStatus.ORIGINATING) {
                            status = PortStatus.CONNECTED;
                        }
                        play(new Sound.Silence());
                    }
                    case LegCommand.SendDigits d -> {
                        // DTMF relayed from a leg without in-gateway audio (SIP): play it in-band to the
                        // phone. Between two analog ports DTMF already travels in the audio.
                        if (status == PortStatus.CONNECTED) {
                            toPhone(DtmfGenerator.generate(d.digits()));
                        }
                    }
                    case LegCommand.Release r -> released(r.cause());
                }
            }
            if (answered != null) {
                answered.answered();
            }
        }

        private void released(Q850Cause cause) {
            lastCause = Optional.of(cause);
            switch (status) {
                case RINGING, RESERVED -> {
                    driver.stopRinging();
                    toIdle();
                }
                case CONNECTED, ORIGINATING -> {
                    if (speaker) {
                        speaker = false;
                        toIdle();
                        driver.autoAnswerEnded();
                        LOG.info("voice-port {}: intercom call released, cause {}", config.id(), cause.value());
                        return;
                    }
                    status = PortStatus.RELEASED_OFF_HOOK;
                    events = null;
                    peerAudio = null;
                    current = null;
                    if (!(playing instanceof Sound.ToneSound t && (t.tone() == Tone.BUSY || t.tone() == Tone.REORDER))) {
                        play(new Sound.ToneSound(Tone.REORDER));
                    }
                    LOG.info("voice-port {}: call released, cause {} ({})", config.id(), cause.value(), cause.hex());
                }
                case IDLE, RELEASED_OFF_HOOK, SHUTDOWN -> {
                }
            }
        }

        @Override
        public Optional<AudioSink> audioToUser() {
            return Optional.of(this::toPhone);
        }

        @Override
        public void connectAudio(AudioSink peer) {
            synchronized (AnalogPort.this) {
                peerAudio = peer;
            }
        }

        @Override
        public Optional<Caller> party() {
            return Optional.of(new Caller(config.id(), config.stationNumber(), config.stationName(),
                    config.lpcorIncoming()));
        }

        @Override
        public void disconnectAudio() {
            synchronized (AnalogPort.this) {
                peerAudio = null;
            }
        }

        @Override
        public String describe() {
            return "voice-port " + config.id();
        }
    }
}
