package org.tollgate.callcontrol.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.adapter.GatewayConfigAdapter;
import org.tollgate.callcontrol.analog.PortStatus;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.auth.AuthorizationRequest;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.auth.DigitCollector;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.feature.forward.ForwardKind;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

/**
 * Features on analog FXS ports with simulated phones, configured the CME way: hook-flash blind
 * transfer (with the transferee keying its FAC in-band), hook-flash park and retrieve, group
 * pickup, call-forward settings from the configuration.
 */
class AnalogFeatureTest {
    static final String CONFIG = """
            voice lpcor enable
            voice lpcor custom
             group 1 Staff
             group 2 Lobby
            voice lpcor policy Lobby
             service fac
             accept Staff fac
            voice-port 0/1/0
             station-id number 1001
             lpcor incoming Staff
            voice-port 0/1/1
             station-id number 1002
             lpcor incoming Staff
            voice-port 0/1/2
             station-id number 1003
             lpcor incoming Staff
            voice-port 0/1/3
             station-id number 1004
             lpcor outgoing Lobby
            dial-peer voice 1 pots
             destination-pattern 1001
             port 0/1/0
            dial-peer voice 2 pots
             destination-pattern 1002
             port 0/1/1
            dial-peer voice 3 pots
             destination-pattern 1003
             port 0/1/2
            dial-peer voice 4 pots
             destination-pattern 1004
             port 0/1/3
            ephone-dn 50
             number 7001
             park-slot timeout 60 limit 2 recall
            ephone-dn 60
             number 8000
             conference meetme
            ephone-dn 70
             number 2001
             call-forward busy 1003
             call-forward noan 1004 timeout 15
             pickup-group 5
            voice hunt-group 1 parallel
             pilot 5000
             list 1002,1003
             timeout 20
             final 1004
            """;

    final ManualScheduler clock = new ManualScheduler();
    final List<CallRecordEvent> records = new CopyOnWriteArrayList<>();
    final List<FeatureRecordEvent> features = new CopyOnWriteArrayList<>();
    final List<AuthorizationRequest> asked = new CopyOnWriteArrayList<>();
    CallControlModule module;

    /** Plays the user prompt and accepts 786# keyed in-band (on its own virtual thread). */
    final AuthorizationApplication authPackage = (request, ctx) -> {
        asked.add(request);
        CompletableFuture<AuthorizationResult> result = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                ctx.prompts().play("flash:en_bacd_enter_dest.au");
                DigitCollector.Result r = DigitCollector.collect(ctx.digits(), new DigitCollector.Spec(32,
                        Optional.of('#'), Optional.of('*'), ctx.interdigitTimeout()));
                result.complete(r instanceof DigitCollector.Collected c && c.digits().equals("786")
                        ? new AuthorizationResult.Success("786") : new AuthorizationResult.Failure("", "bad"));
            } catch (InterruptedException e) {
                result.complete(new AuthorizationResult.Aborted());
            }
        });
        return new AuthorizationSession() {
            @Override
            public java.util.concurrent.CompletionStage<AuthorizationResult> result() {
                return result;
            }

            @Override
            public void hangUp() {
                t.interrupt();
            }
        };
    };

    static GatewayConfig config() {
        ParseResult r = ConfigParser.parse("features.cfg", CONFIG);
        return assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
    }

    final class Sink implements CallRecordSink, FeatureRecordSink {
        @Override
        public void accept(CallRecordEvent e) {
            records.add(e);
        }

        @Override
        public void accept(FeatureRecordEvent e) {
            features.add(e);
        }
    }

    void start() {
        start(config());
    }

    /** With CME's {@code transfer-system full-blind}: a number dialled after a flash transfers at once. */
    void startFullBlind() {
        ParseResult r = ConfigParser.apply(config(), "blind", "telephony-service\n transfer-system full-blind\n");
        start(assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config());
    }

    void start(GatewayConfig config) {
        module = CallControlModule.create(config, clock,
                LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP"), authPackage, new Sink());
    }

    SimulatedPhone phone(String port) {
        return (SimulatedPhone) module.ports().port(port).orElseThrow().driver();
    }

    PortStatus status(String port) {
        return module.ports().port(port).orElseThrow().status();
    }

    /** 1001 calls 1002, 1002 answers. */
    void aCallsB() {
        phone("0/1/0").offHook();
        phone("0/1/0").dial("1002");
        assertTrue(phone("0/1/1").isRinging());
        phone("0/1/1").offHook();
    }

    static void await(java.util.function.BooleanSupplier cond, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    @DisplayName("Configuration: call-forward busy/noan, pickup-group, park-slot and conference meetme become the feature settings")
    void featuresFromConfiguration() {
        FeatureSettings f = GatewayConfigAdapter.features(config());
        assertEquals("1003", f.forwards().lookup("2001", ForwardKind.BUSY).orElseThrow().number());
        assertEquals(Duration.ofSeconds(15), f.forwards().lookup("2001", ForwardKind.NO_ANSWER).orElseThrow().timeout());
        assertEquals("5", f.pickupGroups().get("2001"));
        assertEquals(List.of(new FeatureSettings.ParkSlot("7001", Optional.of(Duration.ofSeconds(120)), true,
                Optional.empty())), f.parkSlots());
        assertEquals(java.util.Set.of("8000"), f.meetMeNumbers());
        assertEquals(List.of(new FeatureSettings.ParallelHunt("5000", List.of("1002", "1003"), Duration.ofSeconds(20),
                Optional.of("1004"))), f.parallelHunts());
        assertTrue(f.flashConsult(), "CME's default transfer-system full-consult");
    }

    @Test
    @DisplayName("Hook flash blind transfer (transfer-system full-blind): B flashes, hears dial tone, dials C; A hears ringback, C rings, answers, A and C talk")
    void flashBlindTransfer() {
        startFullBlind();
        aCallsB();
        SimulatedPhone b = phone("0/1/1");
        b.flash();
        assertEquals("dial tone", b.hearing());
        b.dial("1003");
        assertTrue(phone("0/1/2").isRinging());
        assertEquals("ringback", phone("0/1/0").hearing());
        assertEquals("reorder", b.hearing(), "the transferor is released");
        b.onHook();
        phone("0/1/2").offHook();
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/2").hearing());
        phone("0/1/2").speak(600);
        assertEquals("voice", phone("0/1/0").hearing());
        assertEquals(1, features.stream().filter(FeatureRecordEvent.Transferred.class::isInstance).count());
        assertTrue(asked.isEmpty());
    }

    @Test
    @DisplayName("Hook flash blind transfer to a FAC-gated port: the transferee A hears the prompt, keys 786# in-band, then D rings")
    void flashBlindTransferAsksTransferee() throws Exception {
        startFullBlind();
        aCallsB();
        phone("0/1/1").flash();
        phone("0/1/1").dial("1004");
        await(() -> phone("0/1/0").hearing().startsWith("prompt"), "the prompt at A");
        assertEquals(1, asked.size());
        assertEquals("1001", asked.getFirst().callingNumber(), "the transferee is asked, not the transferor");
        phone("0/1/0").dial("786#");
        await(() -> phone("0/1/3").isRinging(), "D ringing");
    }

    @Test
    @DisplayName("Hook flash consult transfer (CME default full-consult): B flashes and dials C, A waits; C answers, B and C talk; B hangs up: A and C talk")
    void flashConsultTransferAfterAnswer() {
        start();
        aCallsB();
        SimulatedPhone b = phone("0/1/1");
        b.flash();
        b.dial("1003");
        assertTrue(phone("0/1/2").isRinging());
        assertEquals("ringback", b.hearing(), "the consulter hears C ringing");
        assertFalse(phone("0/1/0").isRinging());
        phone("0/1/2").offHook();
        b.speak(600);
        assertEquals("voice", phone("0/1/2").hearing(), "B talks to C");
        assertFalse(phone("0/1/0").hearing().equals("voice"), "A does not hear the consultation");
        b.onHook();
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/2").hearing());
        phone("0/1/2").speak(600);
        assertEquals("voice", phone("0/1/0").hearing());
        FeatureRecordEvent.Transferred t = features.stream().filter(FeatureRecordEvent.Transferred.class::isInstance)
                .map(FeatureRecordEvent.Transferred.class::cast).findFirst().orElseThrow();
        assertFalse(t.blind());
        assertEquals("1002", t.transferorNumber());
        assertEquals("1001", t.transfereeNumber());
    }

    @Test
    @DisplayName("Hook flash consult transfer completed while C is alerting: B hangs up during ringing; A hears ringback; C answers and talks to A")
    void flashConsultTransferWhileAlerting() {
        start();
        aCallsB();
        phone("0/1/1").flash();
        phone("0/1/1").dial("1003");
        phone("0/1/1").onHook();
        assertEquals("ringback", phone("0/1/0").hearing());
        assertTrue(phone("0/1/2").isRinging());
        phone("0/1/2").offHook();
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/2").hearing());
    }

    @Test
    @DisplayName("Consult by hook flash to a FAC-gated port, case (2): the consulter B is asked (prompt, 786#), A is not; B hangs up while D rings and D answers at once; A reaches D")
    void flashConsultFacAskedFromConsulter() throws Exception {
        start();
        aCallsB();
        phone("0/1/1").flash();
        phone("0/1/1").dial("1004");
        await(() -> phone("0/1/1").hearing().startsWith("prompt"), "the prompt at B");
        phone("0/1/1").dial("786#");
        await(() -> phone("0/1/3").isRinging(), "D ringing");
        phone("0/1/1").onHook();
        assertEquals(List.of("1002"), asked.stream().map(AuthorizationRequest::callingNumber).toList(),
                "only the consulter is asked");
        // D answers at once, whether or not A has been moved yet (ConsultAnswerRaceTest has each order)
        phone("0/1/3").offHook();
        // the answer is carried out on the engine's call queue after the FAC session's thread handed
        // the call back: A speaks until D hears it (or the wait times out)
        await(() -> {
            phone("0/1/0").speak(600);
            return phone("0/1/3").hearing().equals("voice");
        }, "A's voice at D");
        assertEquals("voice", phone("0/1/3").hearing());
    }

    @Test
    @DisplayName("Flash during the consult call: C stops ringing and B is back with A")
    void flashCancelsConsult() {
        start();
        aCallsB();
        phone("0/1/1").flash();
        phone("0/1/1").dial("1003");
        assertTrue(phone("0/1/2").isRinging());
        phone("0/1/1").flash();
        assertFalse(phone("0/1/2").isRinging());
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/1").hearing());
        phone("0/1/1").speak(600);
        assertEquals("voice", phone("0/1/0").hearing());
    }

    @Test
    @DisplayName("Consult to a busy phone: B hears busy, flash returns to A")
    void consultBusy() {
        start();
        phone("0/1/2").offHook();
        aCallsB();
        phone("0/1/1").flash();
        phone("0/1/1").dial("1003");
        assertEquals("busy", phone("0/1/1").hearing());
        phone("0/1/1").flash();
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/1").hearing());
    }

    @Test
    @DisplayName("Parallel hunt group on analog ports: 5000 rings 1002 and 1003 at once; 1003 answers and talks to the caller, 1002 stops ringing")
    void analogParallelHunt() {
        start();
        phone("0/1/0").offHook();
        phone("0/1/0").dial("5000");
        assertTrue(phone("0/1/1").isRinging() && phone("0/1/2").isRinging());
        assertEquals("ringback", phone("0/1/0").hearing());
        phone("0/1/2").offHook();
        assertFalse(phone("0/1/1").isRinging());
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/2").hearing());
        phone("0/1/2").speak(600);
        assertEquals("voice", phone("0/1/0").hearing());
    }

    @Test
    @DisplayName("Parallel hunt group unanswered for its timeout (20 s): the call goes to the final number 1004 without FAC although Staff->Lobby needs one")
    void analogParallelHuntFinal() {
        start();
        phone("0/1/0").offHook();
        phone("0/1/0").dial("5000");
        clock.advance(Duration.ofSeconds(20));
        assertFalse(phone("0/1/1").isRinging() || phone("0/1/2").isRinging());
        assertTrue(phone("0/1/3").isRinging());
        assertTrue(asked.isEmpty());
    }

    @Test
    @DisplayName("Hook flash twice: back to the conversation")
    void flashBack() {
        start();
        aCallsB();
        phone("0/1/1").flash();
        phone("0/1/1").flash();
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/1").hearing());
    }

    @Test
    @DisplayName("Hook flash **6 parks A in slot 7001; C dials 7001 and talks to A (no FAC); unretrieved parks recall to the parker after timeout x limit")
    void flashParkAndRetrieve() {
        start();
        aCallsB();
        phone("0/1/1").flash();
        phone("0/1/1").dial("**6");
        assertEquals("7001", ((FeatureRecordEvent.Parked) features.getFirst()).slot());
        phone("0/1/1").onHook();
        phone("0/1/2").offHook();
        phone("0/1/2").dial("7001");
        phone("0/1/2").speak(600);
        assertEquals("voice", phone("0/1/0").hearing());
        assertEquals(PortStatus.CONNECTED, status("0/1/2"));
    }

    @Test
    @DisplayName("Park recall on analog ports: after 60 s x 2 the parker's phone rings and answering reconnects it to A")
    void parkRecall() {
        start();
        aCallsB();
        phone("0/1/1").flash();
        phone("0/1/1").dial("**6");
        phone("0/1/1").onHook();
        clock.advance(Duration.ofSeconds(119));
        assertFalse(phone("0/1/1").isRinging());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(phone("0/1/1").isRinging());
        phone("0/1/1").offHook();
        phone("0/1/1").speak(600);
        assertEquals("voice", phone("0/1/0").hearing());
    }

    @Test
    @DisplayName("Directed pickup from an analog phone: **5 1002 # answers A's call ringing at 1002")
    void analogDirectedPickup() {
        start();
        phone("0/1/0").offHook();
        phone("0/1/0").dial("1002");
        assertTrue(phone("0/1/1").isRinging());
        phone("0/1/2").offHook();
        phone("0/1/2").dial("**51002#");
        assertFalse(phone("0/1/1").isRinging(), "1002 stops ringing");
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/2").hearing());
    }

    @Test
    @DisplayName("Meet-me from analog phones: three phones dial 8000 and each hears the others through the mixer")
    void analogMeetMe() {
        start();
        for (String p : List.of("0/1/0", "0/1/1", "0/1/2")) {
            phone(p).offHook();
            phone(p).dial("8000");
        }
        assertEquals(3, module.calls().features().conferences().get("8000").parties().size());
        phone("0/1/0").speak(600);
        clock.advance(Duration.ofMillis(600));
        assertEquals("voice", phone("0/1/1").hearing());
        assertEquals("voice", phone("0/1/2").hearing());
        assertTrue(asked.isEmpty());
    }

    @Test
    @DisplayName("Call forward all set from an analog phone with **1: calls to it ring the target")
    void forwardCodeFromAnalog() {
        start();
        phone("0/1/1").offHook();
        phone("0/1/1").dial("**11003#");
        assertEquals("dial tone", phone("0/1/1").hearing(), "confirmation: dial tone again");
        phone("0/1/1").onHook();
        phone("0/1/0").offHook();
        phone("0/1/0").dial("1002");
        assertFalse(phone("0/1/1").isRinging());
        assertTrue(phone("0/1/2").isRinging());
    }

    @Test
    @DisplayName("CallControl exposes the feature service")
    void featureServiceExposed() {
        start();
        assertInstanceOf(CallControl.class, module.calls());
        assertTrue(module.calls().features().parkLot().occupied().isEmpty());
    }
}
