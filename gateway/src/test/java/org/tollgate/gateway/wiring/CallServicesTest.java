package org.tollgate.gateway.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.aaa.AaaService;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.cli.TestVoicePortCommand;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.gateway.accounting.GatewayCdr;
import org.tollgate.gateway.metrics.GatewayMetrics;

class CallServicesTest {
    @TempDir
    Path data;

    /** The seed configuration without {@code service fac} (an analog call 0/1/0 → 99329 needs no FAC). */
    static GatewayConfig noFacSeed() throws Exception {
        Path seed = Path.of("../examples/cme-fac.cfg");
        String text = String.join("\n", Arrays.stream(Files.readString(seed).split("\n"))
                .filter(l -> !l.equals(" service fac")).toList());
        ParseResult r = ConfigParser.parse("cme-nofac.cfg", text);
        return assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
    }

    private static String port(CallServices s, String id, String... action) {
        return TestVoicePortCommand.run(s.module().ports(), id, List.of(action));
    }

    private static void connect(CallServices s) throws InterruptedException {
        port(s, "0/1/1", "auto-answer", "1");
        port(s, "0/1/0", "off-hook");
        port(s, "0/1/0", "digits", "99329");
        CdrService cdr = s.cdr();
        await(() -> cdr.active().size() == 2 && cdr.active().stream().allMatch(r -> r.connectTime().isPresent()),
                "connected");
    }

    @Test
    @DisplayName("An analog call through the wired services: answered in the metrics, its legs' media counters in the CDR")
    void answeredCallMetricsAndMedia() throws Exception {
        GatewayMetrics metrics = new GatewayMetrics();
        Clock clock = Clock.systemUTC();
        try (CallServices s = CallServices.start(new ConfigHolder(noFacSeed()), data, clock, new DebugBus(clock),
                metrics)) {
            connect(s);
            assertTrue(metrics.scrape().contains("tollgate_calls_active 1.0"), metrics.scrape());
            port(s, "0/1/0", "speak", "200");
            port(s, "0/1/0", "on-hook");
            await(() -> history(s.cdr()).size() == 2, "two history legs");
            CallLegRecord caller = history(s.cdr()).stream().filter(r -> r.legIndex() == 1).findFirst().orElseThrow();
            assertTrue(caller.counters().receivePackets() >= 10, "10 frames of speech from 0/1/0: " + caller);
            assertEquals(caller.counters().receivePackets() * 160, caller.counters().receiveBytes(), caller.toString());
            String scrape = metrics.scrape();
            assertTrue(scrape.contains("tollgate_calls_total{outcome=\"answered\"} 1.0"), scrape);
            assertTrue(scrape.contains("tollgate_calls_active 0.0"), scrape);
            port(s, "0/1/1", "on-hook");
        }
    }

    @Test
    @DisplayName("Shutdown clears active calls (cause 31) and their STOP records are in the store at the next start")
    void closeClearsCallsAndKeepsRecords() throws Exception {
        GatewayConfig cfg = noFacSeed();
        Clock clock = Clock.systemUTC();
        CallServices s = CallServices.start(new ConfigHolder(cfg), data, clock, new DebugBus(clock), new GatewayMetrics());
        connect(s);
        s.close();
        try (CdrService again = GatewayCdr.start(cfg, new AaaService(cfg, clock), data, clock)) {
            List<CallLegRecord> h = history(again);
            assertEquals(2, h.size(), h.toString());
            assertTrue(h.stream().allMatch(r -> r.cause().equals(Optional.of(Q850Cause.NORMAL_UNSPECIFIED))),
                    h.toString());
        }
    }

    @Test
    @DisplayName("A configuration change reaches call control: a dial-peer added by configure terminal routes new calls")
    void configChangeReachesCallControl() throws Exception {
        GatewayConfig cfg = noFacSeed();
        Clock clock = Clock.systemUTC();
        ConfigHolder holder = new ConfigHolder(cfg);
        try (CallServices s = CallServices.start(holder, data, clock, new DebugBus(clock), new GatewayMetrics())) {
            ParseResult r = ConfigParser.apply(cfg, "change", """
                    dial-peer voice 12 pots
                     destination-pattern 5555
                     port 0/1/1
                    """);
            GatewayConfig next = assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
            holder.apply(next, "test", "vty 0", "dial-peer voice 12 pots");
            port(s, "0/1/1", "auto-answer", "1");
            port(s, "0/1/0", "off-hook");
            port(s, "0/1/0", "digits", "5555");
            await(() -> s.cdr().active().stream().anyMatch(l -> l.peerId() == 12 && l.connectTime().isPresent()),
                    "connected through dial-peer 12");
            port(s, "0/1/0", "on-hook");
            port(s, "0/1/1", "on-hook");
        }
    }

    @Test
    @DisplayName("IVR prompts (flash:NAME.au) are looked up in <data-dir>/flash before the bundled ones")
    void promptsFromFlashDirectory() throws Exception {
        String seed = Files.readString(Path.of("../examples/cme-fac.cfg"))
                .replace("voice-port 0/1/0\n", "voice-port 0/1/0\n lpcor incoming LocalUser\n")
                .replace("flash:en_bacd_enter_dest.au", "flash:tollgate_custom.au");
        ParseResult r = ConfigParser.parse("custom-prompt.cfg", seed);
        GatewayConfig cfg = assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
        Files.createDirectories(data.resolve(CallServices.FLASH));
        try (var in = org.tollgate.ivrprompts.PromptResolver.class
                .getResourceAsStream("/org/tollgate/ivrprompts/bundled/en_bacd_enter_dest.au")) {
            Files.write(data.resolve(CallServices.FLASH).resolve("tollgate_custom.au"), in.readAllBytes());
        }
        Clock clock = Clock.systemUTC();
        try (CallServices s = CallServices.start(new ConfigHolder(cfg), data, clock, new DebugBus(clock),
                new GatewayMetrics())) {
            port(s, "0/1/0", "off-hook");
            port(s, "0/1/0", "digits", "99329");
            SimulatedPhone phone = (SimulatedPhone) s.module().ports().port("0/1/0").orElseThrow().driver();
            await(() -> phone.hearing().startsWith("prompt tollgate_custom"), "the FAC prompt plays");
            assertEquals("prompt tollgate_custom", phone.hearing(), "found and heard as voice, not missing");
            port(s, "0/1/0", "on-hook");
        }
    }

    static List<CallLegRecord> history(CdrService cdr) {
        try {
            return cdr.history();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the call's threads to get there (a ceiling, not a timed assertion). */
    static void await(BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(c.getAsBoolean(), what);
    }
}
