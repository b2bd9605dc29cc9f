package org.tollgate.callcontrol.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.callcontrol.feature.FeatureFixture.A;
import static org.tollgate.callcontrol.feature.FeatureFixture.B;
import static org.tollgate.callcontrol.feature.FeatureFixture.C;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.adapter.GatewayConfigAdapter;
import org.tollgate.callcontrol.analog.AnalogPort;
import org.tollgate.callcontrol.analog.PortStatus;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.feature.FeatureFixture.FakeLeg;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.tone.Heard;
import org.tollgate.dsp.tone.ToneClassifier;

/**
 * Whisper intercom ({@code intercom N} on an ephone-dn, {@code engine.IntercomRun}): a call from the
 * intercom line to N is FAC-exempt and offered for auto-answer; an analog port with the simulated
 * phone answers at once and sends its audio only once its user speaks.
 */
class IntercomTest {
    @Test
    @DisplayName("Intercom: a call from intercom line A to its target B is offered for auto-answer without FAC (A->B needs FAC); B answering connects them")
    void intercomIsFacExemptAndAutoAnswer() {
        FeatureFixture f = new FeatureFixture();
        f.featureSettings = FeatureSettings.NONE.withIntercoms(Map.of(A, B));
        f.start("A>B", "C>B");
        FakeLeg a = f.phone(A).call(B);
        assertTrue(f.asked.isEmpty(), "FAC is never invoked for whisper intercom");
        FakeLeg b = f.phone(B).offered().getFirst();
        assertEquals(new LegCommand.Offer(B, A, "", true), b.commands.getFirst());
        b.answer();
        assertTrue(a.connected() && b.connected());
    }

    @Test
    @DisplayName("Intercom: only the line's own target is an intercom call; C calling B is an ordinary call (rings, FAC asked)")
    void otherCallersAreOrdinary() {
        FeatureFixture f = new FeatureFixture();
        f.featureSettings = FeatureSettings.NONE.withIntercoms(Map.of(A, B));
        f.start("A>B", "C>B");
        f.phone(C).call(B);
        assertEquals(java.util.List.of(C + ">" + B), f.askedPairs());
        LegCommand.Offer o = (LegCommand.Offer) f.phone(B).offered().getFirst().commands.getFirst();
        assertFalse(o.autoAnswer());
    }

    @Test
    @DisplayName("Intercom: LPCOR still applies: a target that rejects the line's group is not offered the call, the caller is released")
    void intercomBlockedByLpcor() {
        FeatureFixture f = new FeatureFixture();
        f.featureSettings = FeatureSettings.NONE.withIntercoms(Map.of(A, B));
        f.rejected.add("A>B");
        f.start();
        FakeLeg a = f.phone(A).call(B);
        assertTrue(f.phone(B).legs.isEmpty());
        assertTrue(a.released());
        assertTrue(f.asked.isEmpty());
    }

    static final String ANALOG = """
            voice-port 0/1/0
             station-id number 1001
            voice-port 0/1/1
             station-id number 1002
            dial-peer voice 1 pots
             destination-pattern 1001
             port 0/1/0
            dial-peer voice 2 pots
             destination-pattern 1002
             port 0/1/1
            ephone-dn 80
             number 1001
             intercom 1002
            """;

    @Test
    @DisplayName("Intercom to an analog port (simulated phone): auto-answered at once, the caller is heard; the callee's audio is held back until its user speaks (whisper), then two-way; the caller hanging up idles the port")
    void analogWhisperIntercom() throws InterruptedException {
        GatewayConfig config = assertInstanceOf(ParseResult.Ok.class, ConfigParser.parse("ic", ANALOG)).config();
        assertEquals(Map.of("1001", "1002"), GatewayConfigAdapter.features(config).intercoms());
        AuthorizationApplication noAuth = (req, ctx) -> AuthorizationSession.completed(
                new AuthorizationResult.Failure("", "not expected"));
        class Sink implements CallRecordSink, FeatureRecordSink {
            @Override
            public void accept(CallRecordEvent e) {
            }

            @Override
            public void accept(FeatureRecordEvent e) {
            }
        }
        CallControlModule module = CallControlModule.create(config, new ManualScheduler(),
                LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP"), noAuth, new Sink());
        SimulatedPhone caller = (SimulatedPhone) module.ports().port("0/1/0").orElseThrow().driver();
        AnalogPort calledPort = module.ports().port("0/1/1").orElseThrow();
        SimulatedPhone called = (SimulatedPhone) calledPort.driver();

        caller.offHook();
        caller.dial("1002");
        AnalogFeatureTest.await(() -> calledPort.status() == PortStatus.CONNECTED, "auto-answer");
        assertFalse(called.isRinging());
        assertTrue(called.isOffHook(), "answered on the speaker");
        AnalogFeatureTest.await(() -> module.ports().port("0/1/0").orElseThrow().status() == PortStatus.CONNECTED,
                "caller connected");

        caller.speak(300);
        assertEquals("voice", called.hearing(), "the caller is heard at once");

        short[] quiet = Pcm.gain(vowel(300), -25);
        assertEquals(Heard.VOICE, ToneClassifier.classify(quiet), "the quiet sound is voice to a listener");
        assertTrue(Pcm.powerToDbm0(Pcm.meanPower(quiet)) < AnalogPort.WHISPER_SPEECH_DBM0);
        for (int off = 0; off < quiet.length; off += 160) {
            calledPort.audio(java.util.Arrays.copyOfRange(quiet, off, off + 160));
        }
        assertFalse(caller.history().contains("voice"), "one-way: the callee's room is not heard before it speaks");

        called.speak(300);
        assertEquals("voice", caller.hearing(), "two-way once the callee speaks");

        caller.onHook();
        AnalogFeatureTest.await(() -> calledPort.status() == PortStatus.IDLE, "the called port idles");
        assertFalse(called.isOffHook());
    }

    /** The simulated phone's talk sound (as {@link SimulatedPhone#speak}). */
    private static short[] vowel(int ms) {
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
        return pcm;
    }
}
