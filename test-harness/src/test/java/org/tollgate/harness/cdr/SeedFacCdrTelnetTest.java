package org.tollgate.harness.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.aaa.AaaService;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.adapter.EndpointDirectory;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.cli.CallControlCommands;
import org.tollgate.callcontrol.cli.TestVoicePortCommand;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.time.SystemScheduler;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.config.cli.BuiltinCommands;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CommandRegistry;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.config.cli.ConfigFacts;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.config.cli.StartupConfig;
import org.tollgate.config.cli.VersionInfo;
import org.tollgate.gateway.accounting.GatewayCdr;
import org.tollgate.harness.radius.FreeRadiusServer;
import org.tollgate.lines.exec.LineTable;
import org.tollgate.lines.exec.LoginMode;
import org.tollgate.lines.vty.TelnetServer;
import org.tollgate.lines.vty.VtyPolicy;

/**
 * Issue 7 "done when", in process (the {@code run} command does not start call control yet): the
 * seed configuration (plus an {@code aaa accounting connection h323} list towards a real
 * FreeRADIUS), the real AAA FAC application, call control and the CDR pipeline as the gateway
 * wires them ({@link GatewayCdr}); the seed's FAC call (786786 → 99329, code 786#) is answered and
 * hung up; the stock telnet client (expect) on the vty then sees {@code FacDigits=786} in
 * {@code show call history voice}, and FreeRADIUS has the STOP record.
 */
class SeedFacCdrTelnetTest {
    private static final String SECRET = "seed-acct";

    @TempDir
    Path data;

    static final String SCRIPT = """
            set timeout 20
            proc want {pattern what} {
                expect {
                    -ex $pattern {}
                    timeout { send_user "\\nFAILED: timeout waiting for $what\\n"; exit 1 }
                    eof { send_user "\\nFAILED: connection closed waiting for $what\\n"; exit 1 }
                }
            }
            spawn telnet [lindex $argv 0] [lindex $argv 1]
            want "Username: " "Username prompt"
            send "admin\\r"
            want "Password: " "Password prompt"
            send "tollgate-admin\\r"
            want "cme-fac#" "privileged prompt"
            send "terminal length 0\\r"
            want "cme-fac#" "prompt"
            send "show call active voice\\r"
            want "Total call-legs: 0" "no active call"
            want "cme-fac#" "prompt"
            send "show call history voice\\r"
            want "Total call-legs: 2" "two history legs"
            want "PeerAddress=786786" "the caller's leg"
            want "DisconnectCause=10" "cause 16 in hex"
            want "FacDigits=786" "FacDigits=786"
            want "FacStatus=success" "FacStatus=success"
            want "PeerId=11" "the leg to dial-peer 11"
            want "cme-fac#" "prompt"
            send "exit\\r"
            expect eof
            exit 0
            """;

    @Test
    @DisplayName("Seed FAC call: show call history voice over telnet shows FacDigits=786, and FreeRADIUS has the STOP records")
    void seedFacCallInHistoryOverTelnet() throws Exception {
        assumeTrue(FreeRadiusServer.available(), "freeradius not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/expect")), "expect not installed");
        Clock clock = Clock.systemUTC();
        try (FreeRadiusServer radius = FreeRadiusServer.builder().secret(SECRET).start();
             SystemScheduler scheduler = new SystemScheduler()) {
            ParseResult parsed = ConfigParser.parse("cme-fac.cfg", Files.readString(Path.of("../examples/cme-fac.cfg")));
            GatewayConfig seed = assertInstanceOf(ParseResult.Ok.class, parsed, parsed.toString()).config();
            ParseResult applied = ConfigParser.apply(seed, "accounting", """
                    radius server fr
                     address ipv4 127.0.0.1 auth-port %d acct-port %d
                     key %s
                    aaa accounting connection h323 stop-only group radius
                    """.formatted(radius.authPort(), radius.acctPort(), SECRET));
            GatewayConfig config = assertInstanceOf(ParseResult.Ok.class, applied, applied.toString()).config();

            AaaService aaa = new AaaService(config, clock, new org.tollgate.aaa.lockout.FacLockout(clock),
                    Optional.of(InetAddress.getLoopbackAddress()));
            try (CdrService cdr = GatewayCdr.start(config, aaa, data, clock)) {
                CountDownLatch stored = new CountDownLatch(2);
                cdr.onPersisted(l -> l.forEach(r -> stored.countDown()));
                CallControlModule cc = CallControlModule.create(config, scheduler,
                        LegFactory.unavailable(Q850Cause.SERVICE_NOT_AVAILABLE, "no SIP in this test"),
                        aaa.authorizationApplication(), cdr.recordSink());

                List<LegCommand> heard = new CopyOnWriteArrayList<>();
                IncomingCall call = cc.calls().startCall(EndpointDirectory.byNumber(config, "786786").orElseThrow()
                        .caller(), new LegSignaling() {
                            @Override
                            public void handle(LegCommand command) {
                                heard.add(command);
                            }

                            @Override
                            public String describe() {
                                return "sip:786786@127.0.0.1";
                            }
                        }, Optional.of("99329"));
                await(() -> heard.stream().anyMatch(c -> c instanceof LegCommand.PlayPrompt), "FAC prompt");
                call.events().digits("786#");
                SimulatedPhone analog = (SimulatedPhone) cc.ports().port("0/1/1").orElseThrow().driver();
                await(analog::isRinging, "99329 rings after the FAC");
                TestVoicePortCommand.run(cc.ports(), "0/1/1", List.of("off-hook"));
                await(() -> !cdr.active().isEmpty() && cdr.active().stream().allMatch(r -> r.connectTime().isPresent()),
                        "connected");
                call.events().released(Q850Cause.NORMAL_CALL_CLEARING);
                assertTrue(stored.await(30, TimeUnit.SECONDS), "STOP records stored");
                TestVoicePortCommand.run(cc.ports(), "0/1/1", List.of("on-hook"));

                LineTable lines = new LineTable(clock);
                CliEnvironment env = new CliEnvironment(new ConfigHolder(config), new DebugBus(clock), clock,
                        StartupConfig.none("cme-fac.cfg"), new VersionInfo("test", Instant.now(), "cme-fac.cfg"), lines);
                CommandRegistry registry = new CommandRegistry();
                new CallControlCommands(() -> cc).register(registry);
                GatewayCdr.commands(() -> cdr, Instant.now(), (ref, cause) -> false).register(registry);
                new BuiltinCommands().register(registry);
                CommandTree tree = registry.build();
                ConfigFacts.VtyFacts v = ConfigFacts.vty(config);
                try (TelnetServer telnet = TelnetServer.start(env, tree, lines, () -> new VtyPolicy(v.first(), v.last(),
                        LineTable.vtyBase(v.lastTty()), new LoginMode.Local(), true, true, java.time.Duration.ZERO),
                        InetAddress.getLoopbackAddress(), 0)) {
                    Path script = data.resolve("history.exp");
                    Files.writeString(script, SCRIPT);
                    Process p = new ProcessBuilder("expect", "-f", script.toString(), "127.0.0.1",
                            Integer.toString(telnet.port())).redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes());
                    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                    assertEquals(0, p.exitValue(), out);
                }
                await(() -> InteropText.count(radius.detailFile(), "fac-digits=786") == 2,
                        "FreeRADIUS has both STOP records");
                assertTrue(Files.readString(radius.detailFile()).contains("Acct-Status-Type = Stop"));
            }
        }
    }

    static void await(java.util.function.BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!c.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(c.getAsBoolean(), what);
    }

    /** Counting helper shared with the interop test. */
    static final class InteropText {
        private InteropText() {
        }

        static long count(Path file, String text) {
            return CdrInteropTest.count(file, text);
        }
    }
}
