package org.tollgate.callcontrol.analog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.lpcor.LpcorAccess;
import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.time.ManualScheduler;

/** Analog-to-analog calls through simulated phones: in-band DTMF, tones classified from audio. */
class AnalogCallTest {
    final ManualScheduler clock = new ManualScheduler();
    final List<CallRecordEvent> records = new CopyOnWriteArrayList<>();
    CallControl calls;
    VoicePorts ports;

    void setUp(Optional<String> callerGroup) {
        LpcorTable lpcor = new LpcorTable(true,
                List.of(new LpcorGroup(11, "LocalUser"), new LpcorGroup(12, "AnalogPhone"), new LpcorGroup(13, "Lobby")),
                Map.of("AnalogPhone", LpcorPolicy.of("AnalogPhone").with("LocalUser", LpcorAccess.ACCEPT_FAC)
                        .with("AnalogPhone", LpcorAccess.ACCEPT_FAC)),
                LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
        List<VoicePortConfig> cfg = List.of(
                new VoicePortConfig("0/1/0", "Phone1", "1235", true, callerGroup, Optional.empty(), Optional.empty(), false),
                new VoicePortConfig("0/1/1", "", "", true, Optional.of("AnalogPhone"), Optional.of("AnalogPhone"),
                        Optional.empty(), false));
        ports = new VoicePorts(cfg, c -> new SimulatedPhone(c.id(), clock), () -> calls);
        CallSettings settings = CallSettings.of(new DialPlan(List.of(DialPeer.pots(11, "99329", "0/1/1"))), lpcor)
                .withPortOutgoingGroups(ports.outgoingGroups());
        calls = new CallControl(() -> settings, clock, LegFactory.byKind(ports,
                LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP")), CallControl.NO_AUTHORIZATION,
                records::add);
    }

    SimulatedPhone phone(String id) {
        return (SimulatedPhone) ports.port(id).orElseThrow().driver();
    }

    <T extends CallRecordEvent> List<T> recorded(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    @DisplayName("Analog to analog: dial tone, in-band digits, ringing with caller ID, ringback, answer, voice both ways, hang-up")
    void analogToAnalogConnects() {
        setUp(Optional.empty());
        SimulatedPhone a = phone("0/1/0");
        SimulatedPhone b = phone("0/1/1");
        a.offHook();
        assertEquals("dial tone", a.hearing());
        a.dial("99329");
        assertTrue(b.isRinging());
        assertEquals("1235", b.lastCallerId().orElseThrow().number());
        assertEquals("ringback", a.hearing());
        b.offHook();
        assertEquals(PortStatus.CONNECTED, ports.port("0/1/0").orElseThrow().status());
        assertEquals(PortStatus.CONNECTED, ports.port("0/1/1").orElseThrow().status());
        a.speak(600);
        assertEquals("voice", b.hearing());
        b.speak(600);
        assertEquals("voice", a.hearing());
        assertEquals(11, recorded(CallRecordEvent.Connected.class).getFirst().dialPeerTag());
        a.onHook();
        CallRecordEvent.Released rel = recorded(CallRecordEvent.Released.class).getFirst();
        assertEquals(Q850Cause.NORMAL_CALL_CLEARING, rel.cause());
        assertEquals(ReleaseSource.CALLING_PARTY, rel.source());
        var aLeg = rel.media().get(rel.incoming());
        var bLeg = rel.media().get(rel.outgoing().orElseThrow());
        assertEquals(30, aLeg.packetsReceived(), "600 ms spoken into phone A = 30 frames of 20 ms");
        assertEquals(30, bLeg.packetsSent(), "the same 30 frames went to phone B");
        assertEquals(4800, bLeg.bytesSent());
        assertEquals(30, bLeg.packetsReceived());
        assertEquals(30, aLeg.packetsSent());
        assertEquals("reorder", b.hearing());
        b.onHook();
        assertEquals(PortStatus.IDLE, ports.port("0/1/1").orElseThrow().status());
        assertTrue(calls.activeCalls().isEmpty());
    }

    @Test
    @DisplayName("Across a rejecting LPCOR policy: released with cause 63 (3F) and the caller hears reorder")
    void lpcorRejectReleasesWith63() {
        setUp(Optional.of("Lobby"));
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99329");
        assertEquals("reorder", a.hearing());
        assertFalse(phone("0/1/1").isRinging());
        CallRecordEvent.Released rel = recorded(CallRecordEvent.Released.class).getFirst();
        assertEquals(63, rel.cause().value());
        assertEquals("3F", rel.cause().hex());
        assertEquals(PortStatus.RELEASED_OFF_HOOK, ports.port("0/1/0").orElseThrow().status());
    }

    @Test
    @DisplayName("Calling a port that is off-hook: busy tone, cause 17")
    void busyPort() {
        setUp(Optional.empty());
        phone("0/1/1").offHook();
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99329");
        assertEquals("busy", a.hearing());
        assertEquals(Q850Cause.USER_BUSY, recorded(CallRecordEvent.Released.class).getFirst().cause());
    }

    @Test
    @DisplayName("auto-answer 2: the called phone answers when the second ring starts (fake clock, 6 s per ring)")
    void autoAnswer() {
        setUp(Optional.empty());
        phone("0/1/1").autoAnswer(2);
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99329");
        assertTrue(phone("0/1/1").isRinging());
        clock.advance(Duration.ofSeconds(5));
        assertTrue(phone("0/1/1").isRinging());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(phone("0/1/1").isOffHook());
        assertEquals(1, recorded(CallRecordEvent.Connected.class).size());
    }

    @Test
    @DisplayName("No digits within the inter-digit timeout (10 s default): reorder")
    void interdigitTimeout() {
        setUp(Optional.empty());
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99");
        clock.advance(Duration.ofSeconds(9));
        assertTrue(recorded(CallRecordEvent.Released.class).isEmpty());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("reorder", a.hearing());
    }

    @Test
    @DisplayName("Ringing and unanswered for timeouts ringing (180 s): caller released with cause 19, phone stops ringing")
    void noAnswer() {
        setUp(Optional.empty());
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99329");
        clock.advance(Duration.ofSeconds(180));
        assertFalse(phone("0/1/1").isRinging());
        assertEquals(Q850Cause.NO_ANSWER, recorded(CallRecordEvent.Released.class).getFirst().cause());
        assertEquals(PortStatus.IDLE, ports.port("0/1/1").orElseThrow().status());
    }

    @Test
    @DisplayName("clear call: a connected call is released by the gateway with the given cause on both sides")
    void clearCall() {
        setUp(Optional.empty());
        phone("0/1/1").autoAnswer(1);
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99329");
        var live = calls.activeCalls();
        assertEquals(1, live.size());
        assertEquals("Connected", live.getFirst().state());
        assertTrue(calls.clear(live.getFirst().ref(), Q850Cause.NORMAL_UNSPECIFIED));
        CallRecordEvent.Released rel = recorded(CallRecordEvent.Released.class).getFirst();
        assertEquals(ReleaseSource.GATEWAY, rel.source());
        assertEquals(Q850Cause.NORMAL_UNSPECIFIED, rel.cause());
        assertEquals("reorder", a.hearing());
        assertEquals("reorder", phone("0/1/1").hearing());
        assertFalse(calls.clear(live.getFirst().ref(), Q850Cause.NORMAL_UNSPECIFIED), "already gone");
    }
}
