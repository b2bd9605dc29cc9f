package org.tollgate.harness.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.AaaService;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.adapter.Endpoint;
import org.tollgate.callcontrol.adapter.EndpointDirectory;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallRecordFolder;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.harness.legs.RecordingLeg;

/**
 * Issue 8 across modules: the seed's FAC configuration ({@code examples/cme-fac.cfg}) plus a pots
 * peer for Phone1 (1235) and a park slot, with the real {@code aaa} auth package (user prompt,
 * {@code username 786}, predefined password) and the real {@code cdr} folder. The CME phone
 * 786786 (LocalUser) is a recording SIP-like leg (the B2BUA is not built yet); ports 0/1/0 (Phone1,
 * no group) and 0/1/1 (99329, AnalogPhone) are simulated analog phones. LocalUser→AnalogPhone and
 * AnalogPhone→LocalUser both need a FAC.
 */
class SeedFeaturesFacTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String EXTRA = """
            telephony-service
             transfer-system full-blind
            dial-peer voice 10 pots
             destination-pattern 1235
             port 0/1/0
            ephone-dn 50
             number 7001
             park-slot timeout 30 limit 1 transfer 99329
            """;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<CallRecordEvent> records = new CopyOnWriteArrayList<>();
    private final List<FeatureRecordEvent> features = new CopyOnWriteArrayList<>();
    /** The folded CDR legs, one list per released call. */
    private final List<List<CallLegRecord>> cdrs = new CopyOnWriteArrayList<>();
    private final CallRecordFolder folder = new CallRecordFolder(UUID::randomUUID, MediaStats.NONE, cdrs::add);

    private final class Sink implements CallRecordSink, FeatureRecordSink {
        @Override
        public void accept(CallRecordEvent e) {
            records.add(e);
            folder.accept(e);
        }

        @Override
        public void accept(FeatureRecordEvent e) {
            features.add(e);
        }
    }

    private CallControlModule cc;

    private void start() throws Exception {
        ParseResult parsed = ConfigParser.parse("cme-fac.cfg", Files.readString(Path.of("../examples/cme-fac.cfg")));
        GatewayConfig seed = ((ParseResult.Ok) parsed).config();
        ParseResult applied = ConfigParser.apply(seed, "features", EXTRA);
        if (!(applied instanceof ParseResult.Ok ok)) {
            throw new AssertionError(applied.toString());
        }
        GatewayConfig config = ok.config();
        AaaService aaa = new AaaService(config, Clock.systemUTC());
        cc = CallControlModule.create(config, scheduler,
                LegFactory.unavailable(Q850Cause.SERVICE_NOT_AVAILABLE, "no SIP in this test"),
                aaa.authorizationApplication(), new Sink());
    }

    private SimulatedPhone port(String id) {
        return (SimulatedPhone) cc.ports().port(id).orElseThrow().driver();
    }

    /** 786786 calls Phone1 (1235, no LPCOR group: no FAC) and Phone1 answers. */
    private IncomingCall hussainCallsPhone1(RecordingLeg leg) throws Exception {
        Endpoint phone = EndpointDirectory.byNumber(seedConfig(), "786786").orElseThrow();
        IncomingCall call = cc.calls().startCall(phone.caller(), leg, Optional.of("1235"));
        assertTrue(port("0/1/0").isRinging());
        port("0/1/0").offHook();
        return call;
    }

    private static GatewayConfig seedConfig() throws Exception {
        return ((ParseResult.Ok) ConfigParser.parse("cme-fac.cfg",
                Files.readString(Path.of("../examples/cme-fac.cfg")))).config();
    }

    @Test
    @DisplayName("Blind transfer row with the seed config: Phone1 flash-transfers 786786 to 99329; the transferee hears the user prompt, keys 786#, and 99329 rings; the new call's CDR legs carry the FAC, the original's do not")
    void blindTransferAsksTransfereeWithRealAuthPackage() throws Exception {
        start();
        RecordingLeg hussain = new RecordingLeg();
        IncomingCall first = hussainCallsPhone1(hussain);
        assertFalse(hussain.heardPrompt("flash:en_bacd_enter_dest.au"), "no FAC to reach Phone1");
        port("0/1/0").flash();
        port("0/1/0").dial("99329");
        awaitTrue(() -> hussain.heardPrompt("flash:en_bacd_enter_dest.au"), "the transferee hears the user prompt");
        assertFalse(port("0/1/1").isRinging());
        first.events().digits("786#");
        awaitTrue(() -> port("0/1/1").isRinging(), "99329 rings after the FAC");
        port("0/1/1").offHook();
        port("0/1/0").onHook();
        first.events().released(Q850Cause.NORMAL_CALL_CLEARING);
        FeatureRecordEvent.Transferred t = (FeatureRecordEvent.Transferred) features.stream()
                .filter(FeatureRecordEvent.Transferred.class::isInstance).findFirst().orElseThrow();
        assertTrue(t.blind());
        assertEquals("1235", t.transferorNumber());
        assertEquals("786786", t.transfereeNumber());
        awaitTrue(() -> cdrs.size() == 2, "both calls' CDRs are written");
        List<CallLegRecord> firstCall = callTo("1235");
        List<CallLegRecord> newCall = callTo("99329");
        assertEquals(2, firstCall.size(), "one CDR per leg of the original call");
        assertEquals(2, newCall.size(), "one CDR per leg of the transfer call");
        assertTrue(firstCall.stream().allMatch(r -> r.facStatus().isEmpty()));
        assertTrue(newCall.stream().allMatch(r -> r.facStatus().equals(Optional.of(FacStatus.SUCCESS))
                && r.facDigits().equals("786")));
    }

    @Test
    @DisplayName("Park recall row with the seed config: parked 786786 is sent by 'park-slot ... transfer 99329' to the AnalogPhone port without any FAC prompt")
    void parkRecallNotAsked() throws Exception {
        start();
        RecordingLeg hussain = new RecordingLeg();
        hussainCallsPhone1(hussain);
        port("0/1/0").flash();
        port("0/1/0").dial("**6");
        port("0/1/0").onHook();
        scheduler.advance(Duration.ofSeconds(30));
        assertTrue(port("0/1/1").isRinging(), "recalled to 99329");
        assertFalse(hussain.heardPrompt("flash:en_bacd_enter_dest.au"), "no FAC prompt although LocalUser->AnalogPhone needs one");
        assertTrue(records.stream().noneMatch(CallRecordEvent.AuthorizationStarted.class::isInstance));
        assertEquals("99329", features.stream().filter(FeatureRecordEvent.Recalled.class::isInstance)
                .map(e -> ((FeatureRecordEvent.Recalled) e).toNumber()).findFirst().orElseThrow());
    }

    @Test
    @DisplayName("Directed pickup row with the seed config: the AnalogPhone port picks up 786786's call ringing at Phone1 (**5 1235 #) without FAC although AnalogPhone->LocalUser needs one")
    void pickupNotAsked() throws Exception {
        start();
        RecordingLeg hussain = new RecordingLeg();
        Endpoint phone = EndpointDirectory.byNumber(seedConfig(), "786786").orElseThrow();
        cc.calls().startCall(phone.caller(), hussain, Optional.of("1235"));
        assertTrue(port("0/1/0").isRinging());
        port("0/1/1").offHook();
        port("0/1/1").dial("**51235#");
        assertFalse(port("0/1/0").isRinging(), "Phone1 stops ringing");
        assertTrue(hussain.commands.stream().anyMatch(LegCommand.Connect.class::isInstance), "786786 is answered");
        assertTrue(records.stream().noneMatch(CallRecordEvent.AuthorizationStarted.class::isInstance));
    }

    /** The CDR legs of the call whose incoming leg called {@code number}. */
    private List<CallLegRecord> callTo(String number) {
        return cdrs.stream().filter(call -> call.stream().anyMatch(r -> r.legIndex() == 1
                && r.calledNumber().equals(number))).findFirst().orElseThrow(() -> new AssertionError(cdrs.toString()));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
