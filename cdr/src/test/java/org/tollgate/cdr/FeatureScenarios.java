package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

/**
 * Real feature scenarios through call control's engine with simulated analog phones on four FXS
 * ports (1001-1004), a park slot 7001 and a meet-me number 8000, feeding a {@link CallRecordSink}
 * that also takes feature events (the CDR folder): transfer, forward, conference, park.
 */
public final class FeatureScenarios {
    static final String CONFIG = """
            hostname cme-feat
            voice-port 0/1/0
             station-id number 1001
            voice-port 0/1/1
             station-id number 1002
            voice-port 0/1/2
             station-id number 1003
            voice-port 0/1/3
             station-id number 1004
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
            """;

    public final ManualScheduler clock = new ManualScheduler();
    private CallControlModule module;

    static GatewayConfig config(String extra) {
        ParseResult r = ConfigParser.parse("features.cfg", CONFIG + extra);
        return assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
    }

    void start(String extra, CallRecordSink sink) {
        module = CallControlModule.create(config(extra), clock,
                LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP"), CallControl.NO_AUTHORIZATION, sink);
    }

    SimulatedPhone phone(String port) {
        return (SimulatedPhone) module.ports().port(port).orElseThrow().driver();
    }

    void pause(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    /** The phone on {@code port} goes off-hook and dials {@code number} a second later. */
    private void dialFrom(String port, String number) {
        phone(port).offHook();
        pause(1);
        phone(port).dial(number);
    }

    /** 1001 calls 1002, 1002 answers after 3 s. */
    private void aCallsB() {
        dialFrom("0/1/0", "1002");
        pause(3);
        phone("0/1/1").offHook();
        pause(10);
    }

    /** B (1002) flashes and keys {@code digits} a second later. */
    private void bFlashesAndDials(String digits) {
        phone("0/1/1").flash();
        pause(1);
        phone("0/1/1").dial(digits);
    }

    /** The phone on {@code first} hangs up, then a second later the one on {@code second}. */
    private void hangUpInTurn(String first, String second) {
        phone(first).onHook();
        pause(1);
        phone(second).onHook();
    }

    /**
     * Consult transfer by hook flash (CME's default full-consult): A calls B; B flashes and dials C;
     * C answers; B hangs up, so A and C talk (CXFER); 20 s later A hangs up, then C.
     */
    public void consultTransfer(CallRecordSink sink) {
        start("", sink);
        aCallsB();
        bFlashesAndDials("1003");
        pause(2);
        phone("0/1/2").offHook();
        pause(5);
        phone("0/1/1").onHook();
        pause(20);
        phone("0/1/0").speak(600);
        assertEquals("voice", phone("0/1/2").hearing(), "A and C talk after the transfer");
        hangUpInTurn("0/1/0", "0/1/2");
    }

    /**
     * Blind transfer by hook flash ({@code transfer-system full-blind}): A calls B; B flashes and
     * dials C (BXFER); C answers, talks 30 s to A and hangs up, then A.
     */
    public void blindTransfer(CallRecordSink sink) {
        start("telephony-service\n transfer-system full-blind\n", sink);
        aCallsB();
        bFlashesAndDials("1003");
        phone("0/1/1").onHook();
        pause(4);
        phone("0/1/2").offHook();
        pause(30);
        hangUpInTurn("0/1/2", "0/1/0");
    }

    /**
     * Call forward all set from 1002 with {@code **11003#}; then 1001 calls 1002, which forwards
     * to 1003 (CFA); 1003 answers; 1001 hangs up after 25 s.
     */
    public void forwardAll(CallRecordSink sink) {
        start("", sink);
        phone("0/1/1").offHook();
        phone("0/1/1").dial("**11003#");
        phone("0/1/1").onHook();
        pause(5);
        dialFrom("0/1/0", "1002");
        assertTrue(phone("0/1/2").isRinging(), "1003 rings for 1002");
        pause(4);
        phone("0/1/2").offHook();
        pause(25);
        hangUpInTurn("0/1/0", "0/1/2");
    }

    /** Meet-me on 8000: 1001, 1002 and 1003 dial in 5 s apart (MEETME), then leave in turn (MEETME). */
    public void meetMe(CallRecordSink sink) {
        start("", sink);
        for (String p : List.of("0/1/0", "0/1/1", "0/1/2")) {
            dialFrom(p, "8000");
            pause(4);
        }
        pause(30);
        for (String p : List.of("0/1/2", "0/1/1", "0/1/0")) {
            phone(p).onHook();
            pause(2);
        }
    }

    /**
     * Park: A calls B; B flashes and keys {@code **6}, parking A in 7001 (PARK) and hangs up; 10 s
     * later C dials 7001 and retrieves A (PARKRET); they talk 15 s; C hangs up, then A.
     */
    public void parkAndRetrieve(CallRecordSink sink) {
        start("", sink);
        aCallsB();
        bFlashesAndDials("**6");
        phone("0/1/1").onHook();
        pause(10);
        dialFrom("0/1/2", "7001");
        pause(15);
        hangUpInTurn("0/1/2", "0/1/0");
    }

    /**
     * Park recall: A calls B; B parks A in 7001 and hangs up; nobody retrieves, so after 60 s x 2 the
     * parker's phone rings (PARKREC), B answers, talks 10 s and hangs up, then A.
     */
    public void parkRecall(CallRecordSink sink) {
        start("", sink);
        aCallsB();
        bFlashesAndDials("**6");
        phone("0/1/1").onHook();
        pause(120);
        assertTrue(phone("0/1/1").isRinging(), "recalled to the parker");
        pause(2);
        phone("0/1/1").offHook();
        pause(10);
        hangUpInTurn("0/1/1", "0/1/0");
    }

    /**
     * Directed pickup: A calls 1002, which rings; 1003 keys {@code **51002#} and answers A's call
     * (DPICKUP); they talk 20 s; A hangs up, then 1003.
     */
    public void directedPickup(CallRecordSink sink) {
        start("", sink);
        dialFrom("0/1/0", "1002");
        pause(3);
        dialFrom("0/1/2", "**51002#");
        pause(20);
        hangUpInTurn("0/1/0", "0/1/2");
    }
}
