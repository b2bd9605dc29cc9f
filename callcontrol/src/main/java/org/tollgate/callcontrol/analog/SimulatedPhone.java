package org.tollgate.callcontrol.analog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.time.CallScheduler;
import org.tollgate.dsp.dtmf.DtmfDetector;
import org.tollgate.dsp.dtmf.DtmfEvent;
import org.tollgate.dsp.dtmf.DtmfGenerator;
import org.tollgate.dsp.tone.CallProgressTone;
import org.tollgate.dsp.tone.Heard;
import org.tollgate.dsp.tone.ToneClassifier;
import org.tollgate.dsp.tone.ToneGenerator;

/**
 * A simulated analog telephone on an FXS port: the default {@link FxsPortDriver} when no hardware
 * is named. It is driven like a person would ({@link #offHook()}, {@link #dial(String)} as in-band
 * DTMF audio made by the {@code dsp} generator, {@link #onHook()}, {@link #flash()},
 * {@link #autoAnswer(int)}) and reports what it hears: the port's tones are rendered to audio and
 * recognised by the {@code dsp} {@link ToneClassifier} ("dial tone", "ringback", "busy", "reorder"),
 * voice frames from the far end are classified the same way ("voice") and searched for DTMF
 * ("dtmf 9"); a prompt is reported by name once its audio (from {@code ivr-prompts}) is recognised
 * as speech ("prompt en_bacd_enter_dest"; "(missing)" when the prompt could not be found).
 *
 * <p>Rings follow the North American cadence, one ring every {@value #RING_PERIOD_SECONDS} s, on the
 * call scheduler; {@code auto-answer N} goes off-hook when the N-th ring starts (ring 1 at once).
 */
public final class SimulatedPhone implements FxsPortDriver {
    /** One ring cycle (2 s on, 4 s off). */
    public static final int RING_PERIOD_SECONDS = 6;
    /** How much of a tone is rendered for the ear to classify. */
    static final int LISTEN_MS = 2000;
    /** Most entries kept in {@link #history()}. */
    public static final int HISTORY_LIMIT = 50;

    private final String name;
    private final CallScheduler scheduler;
    private FxsPortListener port;
    private boolean offHook;
    private boolean ringing;
    private int rings;
    private Optional<CallerId> callerId = Optional.empty();
    private int autoAnswerRings;
    private CallScheduler.Cancellable ringTimer;
    private String hearing = "silence";
    private ToneClassifier ear = new ToneClassifier();
    private final DtmfDetector earDtmf = new DtmfDetector();
    private boolean inDigit;
    private final List<String> history = new ArrayList<>();

    public SimulatedPhone(String name, CallScheduler scheduler) {
        this.name = name;
        this.scheduler = scheduler;
    }

    // ---- FxsPortDriver -------------------------------------------------------------------------

    @Override
    public synchronized void attach(FxsPortListener listener) {
        this.port = listener;
    }

    @Override
    public void ring(Optional<CallerId> id) {
        synchronized (this) {
            ringing = true;
            rings = 0;
            callerId = id;
            heard("ringing" + id.map(c -> " (caller-id " + c.number() + (c.name().isEmpty() ? "" : " " + c.name()) + ")")
                    .orElse(""));
        }
        nextRing();
    }

    private void nextRing() {
        boolean answer;
        synchronized (this) {
            if (!ringing) {
                return;
            }
            rings++;
            answer = autoAnswerRings > 0 && rings >= autoAnswerRings;
            if (!answer) {
                ringTimer = scheduler.schedule(Duration.ofSeconds(RING_PERIOD_SECONDS), this::nextRing);
            }
        }
        if (answer) {
            offHook();
        }
    }

    @Override
    public synchronized void stopRinging() {
        ringing = false;
        if (ringTimer != null) {
            ringTimer.cancel();
            ringTimer = null;
        }
    }

    @Override
    public synchronized void play(Sound sound) {
        ear = new ToneClassifier();
        switch (sound) {
            case Sound.Silence s -> {
                if (offHook) {
                    heard("silence");
                }
            }
            case Sound.ToneSound t -> heard(label(ToneClassifier.classify(ToneGenerator.render(toDsp(t.tone()), LISTEN_MS))));
            case Sound.Prompt p -> heard(p.audio().length == 0 ? "prompt " + promptName(p.url()) + " (missing)"
                    : ToneClassifier.classify(p.audio()) == Heard.VOICE ? "prompt " + promptName(p.url())
                    : "prompt " + promptName(p.url()) + " (" + label(ToneClassifier.classify(p.audio())) + ")");
        }
    }

    @Override
    public synchronized void audio(short[] pcm) {
        if (offHook) {
            StringBuilder digits = new StringBuilder();
            boolean ended = false;
            for (DtmfEvent e : earDtmf.process(pcm)) {
                switch (e) {
                    case DtmfEvent.DigitStarted d -> {
                        digits.append(d.digit().symbol());
                        inDigit = true;
                    }
                    case DtmfEvent.DigitEnded d -> {
                        inDigit = false;
                        ended = true;
                    }
                }
            }
            if (!digits.isEmpty()) {
                heard("dtmf " + digits);
            }
            if (inDigit || ended || !digits.isEmpty()) {
                return;
            }
            Heard h = ear.feed(pcm);
            if (h != Heard.UNKNOWN) {
                heard(label(h));
            }
        }
    }

    @Override
    public String kind() {
        return "simulated";
    }

    // ---- the person at the phone ---------------------------------------------------------------

    /**
     * An intercom call: the simulated phone answers on its speaker at once (it then hears as if
     * off-hook); {@link #onHook()} ends the call.
     */
    @Override
    public synchronized boolean autoAnswer() {
        offHook = true;
        heard("silence");
        return true;
    }

    @Override
    public synchronized void autoAnswerEnded() {
        offHook = false;
        hearing = "nothing (on-hook)";
    }

    /** Lifts the handset (answers when ringing). */
    public void offHook() {
        FxsPortListener p;
        synchronized (this) {
            offHook = true;
            stopRinging();
            heard("silence");
            p = port;
        }
        p.hook(true);
    }

    /** Hangs up. */
    public void onHook() {
        FxsPortListener p;
        synchronized (this) {
            offHook = false;
            hearing = "nothing (on-hook)";
            p = port;
        }
        p.hook(false);
    }

    /** Presses the hook switch briefly. */
    public void flash() {
        port.flash();
    }

    /** Keys {@code digits} (0-9 * # A-D): in-band DTMF audio, 100 ms on / 100 ms off, in 20 ms frames. */
    public void dial(String digits) {
        short[] pcm = DtmfGenerator.generate(digits);
        sendAudio(pcm);
        sendAudio(new short[160 * 5]);
    }

    /** Talks for {@code ms} milliseconds (a synthetic vowel-like sound, not a call-progress tone). */
    public void speak(int ms) {
        int n = ms * 8;
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            double t = i / 8000.0;
            double env = 0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t);
            double v = 0;
            for (int h = 1; h <= 12; h++) {
                v += Math.sin(2 * Math.PI * 130 * h * t + h) / h;
            }
            pcm[i] = (short) (2500 * env * v);
        }
        sendAudio(pcm);
    }

    private void sendAudio(short[] pcm) {
        for (int off = 0; off < pcm.length; off += 160) {
            int len = Math.min(160, pcm.length - off);
            short[] frame = new short[len];
            System.arraycopy(pcm, off, frame, 0, len);
            port.audio(frame);
        }
    }

    /** Answer automatically when ring {@code n} starts (1..); 0 turns auto-answer off. */
    public synchronized void autoAnswer(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("rings " + n + " < 0");
        }
        autoAnswerRings = n;
    }

    // ---- what it reports -----------------------------------------------------------------------

    public synchronized boolean isOffHook() {
        return offHook;
    }

    public synchronized boolean isRinging() {
        return ringing;
    }

    /**
     * What it hears now: {@code dial tone}, {@code ringback}, {@code busy}, {@code reorder}, {@code voice},
     * {@code dtmf D}, {@code prompt NAME}, {@code silence}, {@code ringing}.
     */
    public synchronized String hearing() {
        return hearing;
    }

    /** Everything heard, oldest first (at most {@value #HISTORY_LIMIT} entries, consecutive repeats merged). */
    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    public synchronized Optional<CallerId> lastCallerId() {
        return callerId;
    }

    public synchronized int autoAnswerRings() {
        return autoAnswerRings;
    }

    public String name() {
        return name;
    }

    private void heard(String what) {
        hearing = what;
        if (history.isEmpty() || !history.getLast().equals(what)) {
            history.add(what);
            if (history.size() > HISTORY_LIMIT) {
                history.removeFirst();
            }
        }
    }

    private static CallProgressTone toDsp(Tone t) {
        return switch (t) {
            case DIAL -> CallProgressTone.DIAL;
            case RINGBACK -> CallProgressTone.RINGBACK;
            case BUSY -> CallProgressTone.BUSY;
            case REORDER -> CallProgressTone.REORDER;
        };
    }

    static String label(Heard h) {
        return switch (h) {
            case UNKNOWN -> "unknown";
            case SILENCE -> "silence";
            case DIAL_TONE -> "dial tone";
            case RINGBACK -> "ringback";
            case BUSY -> "busy";
            case REORDER -> "reorder";
            case CONGESTION -> "congestion";
            case VOICE -> "voice";
        };
    }

    static String promptName(String url) {
        String s = url.contains(":") ? url.substring(url.indexOf(':') + 1) : url;
        s = s.contains("/") ? s.substring(s.lastIndexOf('/') + 1) : s;
        return s.endsWith(".au") ? s.substring(0, s.length() - 3) : s;
    }
}
