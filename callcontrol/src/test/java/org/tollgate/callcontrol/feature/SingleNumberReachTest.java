package org.tollgate.callcontrol.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.callcontrol.feature.FeatureFixture.A;
import static org.tollgate.callcontrol.feature.FeatureFixture.B;
import static org.tollgate.callcontrol.feature.FeatureFixture.C;
import static org.tollgate.callcontrol.feature.FeatureFixture.D;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.adapter.GatewayConfigAdapter;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.feature.FeatureFixture.FakeLeg;
import org.tollgate.callcontrol.feature.forward.ForwardKind;
import org.tollgate.callcontrol.feature.forward.ForwardTable;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.ParseResult;

/**
 * Single number reach ({@code snr N delay D timeout T}, {@code engine.SnrRun}): desk B (1002) with
 * remote number D (1004), delay 5 s, timeout 20 s. Calls from A to B and to D would need a FAC
 * ({@code accept G fac}); SNR never invokes FAC (spec section 6).
 */
class SingleNumberReachTest {
    private static final Q850Cause NON_SELECTED = Q850Cause.of(26);

    private static FeatureFixture fixture() {
        FeatureFixture f = new FeatureFixture();
        f.featureSettings = FeatureSettings.NONE.withSingleNumberReach(List.of(
                new FeatureSettings.SingleNumberReach(B, D, Duration.ofSeconds(5), Duration.ofSeconds(20))));
        return f;
    }

    @Test
    @DisplayName("SNR: the desk rings at once, the remote number after the delay; the desk answers first, the remote leg is released with cause 26; FAC never asked")
    void deskAnswersFirst() {
        FeatureFixture f = fixture().start("A>B", "A>D");
        FakeLeg a = f.phone(A).call(B);
        assertEquals(1, f.phone(B).offered().size());
        assertEquals(new LegCommand.PlayTone(Tone.RINGBACK), a.lastCommand().orElseThrow());
        f.clock.advance(Duration.ofSeconds(4));
        assertTrue(f.phone(D).offered().isEmpty(), "not before the delay");
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, f.phone(D).offered().size(), "the remote number rings after the delay");
        FakeLeg desk = f.phone(B).offered().getFirst();
        FakeLeg remote = f.phone(D).offered().getFirst();
        desk.answer();
        assertTrue(a.connected() && desk.connected());
        assertEquals(new LegCommand.Release(NON_SELECTED), remote.lastCommand().orElseThrow());
        assertTrue(f.asked.isEmpty(), "FAC is never invoked for SNR");
    }

    @Test
    @DisplayName("SNR: the remote number answers first; the desk is released with cause 26; FAC never asked")
    void remoteAnswersFirst() {
        FeatureFixture f = fixture().start("A>B", "A>D");
        FakeLeg a = f.phone(A).call(B);
        f.clock.advance(Duration.ofSeconds(5));
        FakeLeg desk = f.phone(B).offered().getFirst();
        FakeLeg remote = f.phone(D).offered().getFirst();
        remote.answer();
        assertTrue(a.connected() && remote.connected());
        assertEquals(new LegCommand.Release(NON_SELECTED), desk.lastCommand().orElseThrow());
        assertTrue(f.asked.isEmpty(), "FAC is never invoked for SNR");
    }

    @Test
    @DisplayName("SNR: a remote number that LPCOR rejects for the caller is not rung; the desk keeps ringing and can answer")
    void remoteBlockedByLpcor() {
        FeatureFixture f = fixture();
        f.rejected.add("A>D");
        f.start("A>B");
        FakeLeg a = f.phone(A).call(B);
        f.clock.advance(Duration.ofSeconds(30));
        assertTrue(f.phone(D).legs.isEmpty(), "LPCOR still applies to the remote call");
        FakeLeg desk = f.phone(B).offered().getFirst();
        assertFalse(desk.released(), "the desk keeps ringing");
        desk.answer();
        assertTrue(a.connected() && desk.connected());
        assertTrue(f.asked.isEmpty());
    }

    @Test
    @DisplayName("SNR: after the timeout the unanswered remote leg stops ringing (cause 19), the desk keeps ringing")
    void remoteTimeout() {
        FeatureFixture f = fixture().start();
        FakeLeg a = f.phone(A).call(B);
        f.clock.advance(Duration.ofSeconds(5));
        FakeLeg remote = f.phone(D).offered().getFirst();
        f.clock.advance(Duration.ofSeconds(19));
        assertFalse(remote.released());
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(new LegCommand.Release(Q850Cause.NO_ANSWER), remote.lastCommand().orElseThrow());
        FakeLeg desk = f.phone(B).offered().getFirst();
        assertFalse(desk.released());
        assertFalse(a.released());
        desk.answer();
        assertTrue(a.connected() && desk.connected());
    }

    @Test
    @DisplayName("SNR: the desk's call-forward noan ends the SNR ringing: desk and remote released, the call goes to the forward target")
    void deskNoAnswerForward() {
        FeatureFixture f = new FeatureFixture();
        f.featureSettings = FeatureSettings.NONE
                .withSingleNumberReach(List.of(new FeatureSettings.SingleNumberReach(B, D, Duration.ofSeconds(5),
                        Duration.ofSeconds(60))))
                .withForwards(ForwardTable.EMPTY.with(B, ForwardKind.NO_ANSWER,
                        new ForwardTable.Target(C, Duration.ofSeconds(20))));
        f.start();
        FakeLeg a = f.phone(A).call(B);
        f.clock.advance(Duration.ofSeconds(20));
        assertTrue(f.phone(B).offered().getFirst().released());
        assertTrue(f.phone(D).offered().getFirst().released());
        assertEquals(1, f.phone(C).offered().size());
        f.phone(C).last().answer();
        assertTrue(a.connected());
    }

    @Test
    @DisplayName("SNR: a busy desk rings the remote number at once; when it does not answer either the caller is released busy (17)")
    void deskBusy() {
        FeatureFixture f = fixture().start();
        f.phone(B).busy = true;
        FakeLeg a = f.phone(A).call(B);
        assertEquals(1, f.phone(D).offered().size(), "no delay when the desk is busy");
        f.clock.advance(Duration.ofSeconds(20));
        assertEquals(new LegCommand.Release(Q850Cause.USER_BUSY), a.lastCommand().orElseThrow());
    }

    @Test
    @DisplayName("SNR: the caller hangs up while desk and remote ring: both are released")
    void callerHangsUp() {
        FeatureFixture f = fixture().start();
        FakeLeg a = f.phone(A).call(B);
        f.clock.advance(Duration.ofSeconds(5));
        a.hangUp();
        assertTrue(f.phone(B).offered().getFirst().released());
        assertTrue(f.phone(D).offered().getFirst().released());
    }

    @Test
    @DisplayName("Configuration: snr on ephone-dn and voice register dn becomes the DN's single number reach")
    void fromConfiguration() {
        var c = ((ParseResult.Ok) ConfigParser.parse("t", "ephone-dn 1\n number 2001\n snr 5551 delay 3 timeout 15\n"
                + "voice register dn 2\n number 3001\n snr 5552 delay 0 timeout 60\n")).config();
        FeatureSettings s = GatewayConfigAdapter.features(c);
        assertEquals(new FeatureSettings.SingleNumberReach("2001", "5551", Duration.ofSeconds(3), Duration.ofSeconds(15)),
                s.singleNumberReach("2001").orElseThrow());
        assertEquals(new FeatureSettings.SingleNumberReach("3001", "5552", Duration.ZERO, Duration.ofSeconds(60)),
                s.singleNumberReach("3001").orElseThrow());
    }
}
