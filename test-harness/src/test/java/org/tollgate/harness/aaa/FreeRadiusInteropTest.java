package org.tollgate.harness.aaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tinyradius.attribute.IntegerAttribute;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.attribute.StringAttribute;
import org.tollgate.aaa.authpkg.AuthPackage;
import org.tollgate.aaa.authpkg.AuthPackageParams;
import org.tollgate.aaa.authpkg.FacResult;
import org.tollgate.aaa.local.LocalMethod;
import org.tollgate.aaa.local.LocalUsers;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.method.LoginAuthenticator;
import org.tollgate.aaa.method.MethodList;
import org.tollgate.aaa.radius.AccountingAnswer;
import org.tollgate.aaa.radius.CiscoDictionary;
import org.tollgate.aaa.radius.RadiusAccountingClient;
import org.tollgate.aaa.radius.RadiusGroup;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusSettings;
import org.tollgate.callcontrol.auth.DigitInput;
import org.tollgate.callcontrol.auth.DigitSource;
import org.tollgate.harness.radius.FreeRadiusServer;

/**
 * Issue 6 interop: the RADIUS login method and the FAC flow against a real FreeRADIUS started on
 * 127.0.0.1 from a generated configuration (client requires Message-Authenticator; replies signed).
 */
class FreeRadiusInteropTest {

    private static final String SECRET = "tollgate-interop";
    private static final Credentials GOOD = new Credentials("786", "54321");
    private static final RadiusSettings SETTINGS = RadiusSettings.defaults()
            .withTimeout(Duration.ofMillis(700)).withRetransmit(1)
            .withSourceAddress(java.net.InetAddress.getLoopbackAddress());

    private static FreeRadiusServer radius;
    private static int stoppedServerPort;

    @BeforeAll
    static void startFreeRadius() throws Exception {
        radius = FreeRadiusServer.builder().secret(SECRET).user("786", "54321").user("1234", "9999").start();
        // a second server, started and stopped: its port is a real "server down"
        try (FreeRadiusServer stopped = FreeRadiusServer.builder().secret(SECRET).start()) {
            stoppedServerPort = stopped.authPort();
        }
    }

    @AfterAll
    static void stopFreeRadius() {
        if (radius != null) {
            radius.close();
            assertFalse(radius.isRunning(), "the FreeRADIUS process is gone");
        }
    }

    private static RadiusServerSpec live(String key) {
        return new RadiusServerSpec("freeradius", radius.address(), radius.authPort(), radius.acctPort(), key);
    }

    private static RadiusServerSpec down() {
        return new RadiusServerSpec("down", radius.address(), stoppedServerPort, stoppedServerPort + 1, SECRET);
    }

    private static RadiusGroup group(RadiusServerSpec... servers) {
        return new RadiusGroup("group radius", List.of(servers), SETTINGS, Clock.systemUTC(), "tollgate-interop");
    }

    private static MethodList radiusThenLocal(RadiusGroup radiusGroup) {
        return new MethodList("h323", List.of(radiusGroup,
                new LocalMethod(LocalUsers.ofCleartext(Map.of("786", "54321")))));
    }

    @Test
    @DisplayName("FreeRADIUS accepts a valid code (PAP, Message-Authenticator required by the server and checked on the reply)")
    void accept() {
        assertEquals(new AuthResult.Accepted("786", "group radius"), group(live(SECRET)).authenticate(GOOD).join(),
                radius::output);
    }

    @Test
    @DisplayName("FreeRADIUS rejects a wrong password; the list stops (local is not asked)")
    void reject() {
        assertEquals(new AuthResult.Rejected("786", "group radius"),
                radiusThenLocal(group(live(SECRET))).authenticate(new Credentials("786", "0000")).join());
    }

    @Test
    @DisplayName("server down → group radius unavailable → fallback to local")
    void serverDownFallsBackToLocal() {
        assertEquals(new AuthResult.Accepted("786", "local"),
                radiusThenLocal(group(down())).authenticate(GOOD).join());
    }

    @Test
    @DisplayName("failover: the first server of the group is down, the second (FreeRADIUS) answers")
    void failover() {
        assertEquals(new AuthResult.Accepted("786", "group radius"),
                group(down(), live(SECRET)).authenticate(GOOD).join());
    }

    @Test
    @DisplayName("wrong shared secret: FreeRADIUS drops the request (bad Message-Authenticator) → unavailable → local")
    void wrongSharedSecret() {
        AuthResult alone = group(live("not-the-secret")).authenticate(GOOD).join();
        assertInstanceOf(AuthResult.Unavailable.class, alone);
        assertTrue(radius.output().contains("Message-Authenticator"), "FreeRADIUS logged the bad Message-Authenticator");
        assertEquals(new AuthResult.Accepted("786", "local"),
                radiusThenLocal(group(live("not-the-secret"))).authenticate(GOOD).join());
    }

    @Test
    @DisplayName("the FAC flow end to end through FreeRADIUS: 786# with predefined password 54321 → success")
    void facFlowThroughFreeRadius() throws Exception {
        LoginAuthenticator login = new LoginAuthenticator(
                Map.of("h323", new MethodList("h323", List.of(group(live(SECRET))))), new MethodList("none", List.of()));
        AuthPackage pkg = new AuthPackage(AuthPackageParams.defaults().withPredefinedPassword("54321").withTermDigit('#'),
                login, new FacLockout(Clock.systemUTC()));
        FacResult result = pkg.start("interop", "786786", keys("786#"), url -> { }).result().get(30, TimeUnit.SECONDS);
        assertEquals(new FacResult.Success("786", "group radius"), result);
    }

    @Test
    @DisplayName("RadiusAccountingClient: a STOP with Cisco VSAs is acknowledged by FreeRADIUS and lands in its detail file")
    void accountingToDetailFile() throws Exception {
        List<RadiusAttribute> stop = List.of(new StringAttribute(1, "786786"), new IntegerAttribute(40, 2),
                new StringAttribute(44, "tollgate-1"), CiscoDictionary.avPair("fac-digits", "786"),
                CiscoDictionary.h323(CiscoDictionary.H323_DISCONNECT_CAUSE, "10"));
        AccountingAnswer answer = new RadiusAccountingClient(List.of(live(SECRET)), SETTINGS, Clock.systemUTC())
                .send(stop).get(30, TimeUnit.SECONDS);
        assertEquals(new AccountingAnswer.Acknowledged("freeradius"), answer);
        String detail = Files.readString(radius.detailFile());
        assertTrue(detail.contains("fac-digits=786"), detail);
        assertTrue(detail.contains("h323-disconnect-cause=10"), detail);
    }

    /** A digit source that hands out fixed keys, then times out. */
    private static DigitSource keys(String keys) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return timeout -> next.get() < keys.length()
                ? new DigitInput.Digit(keys.charAt(next.getAndIncrement()))
                : new DigitInput.Timeout();
    }
}
