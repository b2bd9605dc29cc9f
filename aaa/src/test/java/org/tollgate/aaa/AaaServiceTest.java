package org.tollgate.aaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.authpkg.AuthPackageParams;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.testing.DigitQueue;
import org.tollgate.aaa.testing.EmbeddedRadiusServer;
import org.tollgate.callcontrol.time.ManualClock;
import org.tollgate.aaa.testing.RecordingPrompts;
import org.tollgate.callcontrol.auth.AuthorizationContext;
import org.tollgate.callcontrol.auth.AuthorizationRequest;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.DigitSource;
import org.tollgate.callcontrol.auth.PromptPlayer;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

/** AAA built from the IOS configuration: the seed's example and RADIUS method lists. */
class AaaServiceTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private EmbeddedRadiusServer radius;

    @AfterEach
    void stop() {
        if (radius != null) {
            radius.close();
        }
    }

    private static GatewayConfig parse(String text) {
        ParseResult result = ConfigParser.parse("test.cfg", text);
        if (result instanceof ParseResult.Failed failed) {
            throw new AssertionError(failed.errors());
        }
        return ((ParseResult.Ok) result).config();
    }

    private AaaService service(GatewayConfig config) {
        return new AaaService(config, clock, new FacLockout(clock), Optional.empty());
    }

    @Test
    @DisplayName("the seed's configuration, loaded unchanged, gives the seed's auth package parameters")
    void seedParameters() throws Exception {
        GatewayConfig config = parse(Files.readString(Path.of("../examples/cme-fac.cfg")));
        AuthPackageParams params = service(config).authPackageParams();
        assertEquals("flash:en_bacd_enter_dest.au", params.userPrompt());
        assertEquals("flash:en_bacd_welcome.au", params.passwdPrompt());
        assertEquals(Optional.of("54321"), params.predefinedPassword());
        assertEquals(Optional.of('#'), params.termDigit());
        assertEquals('*', params.abortDigit());
        assertEquals(32, params.maxDigits());
        assertEquals(0, params.maxRetries());
        assertEquals(Duration.ofSeconds(10), params.interDigitTimeout());
    }

    @Test
    @DisplayName("seed configuration: a caller keying 786# is authorized through the h323 login list (local)")
    void seedFacThroughConfiguredApplication() throws Exception {
        GatewayConfig config = parse(Files.readString(Path.of("../examples/cme-fac.cfg")));
        AaaService aaa = service(config);
        ManualScheduler timers = new ManualScheduler();
        DigitQueue digits = new DigitQueue(timers);
        "786#".chars().forEach(c -> digits.offer((char) c));
        RecordingPrompts prompts = new RecordingPrompts();
        AuthorizationResult result = aaa.authorizationApplication()
                .authorize(new AuthorizationRequest(new CallRef(7), "786786", "99329", 11, "AnalogPhone",
                        Optional.of("LocalUser")), context(digits, prompts))
                .result().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(new AuthorizationResult.Success("786"), result);
        assertEquals(List.of("flash:en_bacd_enter_dest.au"), prompts.played());
        assertInstanceOf(AuthResult.Rejected.class,
                aaa.authenticate("h323", new Credentials("786", "11111")).join());
    }

    @Test
    @DisplayName("aaa authentication login h323 group radius local + radius-server host: RADIUS answers, local is the fallback")
    void radiusServerHost() throws Exception {
        radius = new EmbeddedRadiusServer("k3y", Map.of("555", "1234"), EmbeddedRadiusServer.ReplySigning.VALID);
        GatewayConfig config = parse("""
                aaa new-model
                aaa authentication login h323 group radius local
                radius-server host 127.0.0.1 auth-port %d acct-port %d key k3y
                radius-server timeout 1
                radius-server retransmit 0
                username 786 password 0 54321
                """.formatted(radius.port(), radius.port() + 1));
        AaaService aaa = service(config);
        assertEquals(new AuthResult.Accepted("555", "group radius"),
                aaa.authenticate("h323", new Credentials("555", "1234")).join());
        assertEquals(new AuthResult.Rejected("786", "group radius"),
                aaa.authenticate("h323", new Credentials("786", "54321")).join(),
                "RADIUS answered: local is not asked");
        radius.close();
        radius = null;
        assertEquals(new AuthResult.Accepted("786", "local"),
                aaa.authenticate("h323", new Credentials("786", "54321")).join(), "server down: local");
    }

    @Test
    @DisplayName("aaa group server radius NAME / server name X with radius server X / address ipv4 / key")
    void namedGroup() throws Exception {
        radius = new EmbeddedRadiusServer("grp-key", Map.of("555", "1234"), EmbeddedRadiusServer.ReplySigning.VALID);
        GatewayConfig config = parse("""
                aaa new-model
                aaa group server radius FAC
                 server name R1
                aaa authentication login default group FAC
                radius server R1
                 address ipv4 127.0.0.1 auth-port %d acct-port %d
                 key grp-key
                 timeout 1
                 retransmit 0
                """.formatted(radius.port(), radius.port() + 1));
        AaaService aaa = service(config);
        assertEquals(new AuthResult.Accepted("555", "group FAC"),
                aaa.authenticate("h323", new Credentials("555", "1234")).join(), "h323 missing: default list");
        assertTrue(aaa.warnings().isEmpty(), aaa.warnings().toString());
    }

    @Test
    @DisplayName("without aaa new-model the local username database is used; a new configuration swaps in atomically")
    void noNewModelAndSwap() {
        AaaService aaa = service(parse("username 786 password 0 54321\n"));
        assertInstanceOf(AuthResult.Accepted.class, aaa.authenticate("h323", new Credentials("786", "54321")).join());
        aaa.apply(parse("username 786 password 0 99999\n"));
        assertInstanceOf(AuthResult.Rejected.class, aaa.authenticate("h323", new Credentials("786", "54321")).join());
    }

    @Test
    @DisplayName("aaa accounting connection h323 start-stop group radius: the accounting client reaches the server's acct-port")
    void accountingList() throws Exception {
        radius = new EmbeddedRadiusServer("k3y", Map.of(), EmbeddedRadiusServer.ReplySigning.NONE);
        AaaService aaa = service(parse("""
                aaa new-model
                aaa accounting connection h323 start-stop group radius
                radius-server host 127.0.0.1 auth-port %d acct-port %d key k3y
                radius-server timeout 1
                """.formatted(radius.port(), radius.acctPort())));
        var client = aaa.accounting("connection", "h323").orElseThrow();
        var answer = client.send(List.of(new org.tinyradius.attribute.StringAttribute(1, "786786"),
                new org.tinyradius.attribute.IntegerAttribute(40, 2),
                org.tollgate.aaa.radius.CiscoDictionary.avPair("fac-digits", "786"))).join();
        assertEquals(new org.tollgate.aaa.radius.AccountingAnswer.Acknowledged("127.0.0.1"), answer);
        assertTrue(aaa.accounting("exec", "h323").isEmpty());
    }

    @Test
    @DisplayName("a RADIUS server without any key is skipped with a warning")
    void serverWithoutKey() {
        AaaService aaa = service(parse("""
                aaa new-model
                aaa authentication login h323 group radius local
                radius-server host 127.0.0.1
                username 786 password 0 54321
                """));
        assertTrue(aaa.warnings().stream().anyMatch(w -> w.contains("no key")), aaa.warnings().toString());
        assertInstanceOf(AuthResult.Accepted.class, aaa.authenticate("h323", new Credentials("786", "54321")).join());
    }

    private static AuthorizationContext context(DigitSource digits, PromptPlayer prompts) {
        return new AuthorizationContext() {
            @Override
            public CallRef call() {
                return new CallRef(7);
            }

            @Override
            public DigitSource digits() {
                return digits;
            }

            @Override
            public PromptPlayer prompts() {
                return prompts;
            }

            @Override
            public Duration interdigitTimeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
