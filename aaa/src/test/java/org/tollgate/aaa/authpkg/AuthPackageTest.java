package org.tollgate.aaa.authpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.aaa.local.LocalMethod;
import org.tollgate.aaa.local.LocalUsers;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.method.LoginAuthenticator;
import org.tollgate.aaa.method.LoginMethod;
import org.tollgate.aaa.method.MethodList;
import org.tollgate.aaa.testing.DigitQueue;
import org.tollgate.callcontrol.time.ManualClock;
import org.tollgate.aaa.testing.RecordingPrompts;
import org.tollgate.callcontrol.time.ManualScheduler;

/** Spec fac-lpcor §2, §4; issue 6: the auth package's flow, with the seed's parameters. */
class AuthPackageTest {

    private static final String USER_PROMPT = "flash:en_bacd_enter_dest.au";
    private static final String PASSWD_PROMPT = "flash:en_bacd_welcome.au";

    /** The seed's application / package auth parameters. */
    private static final AuthPackageParams SEED = AuthPackageParams.defaults()
            .withPasswdPrompt(PASSWD_PROMPT)
            .withPredefinedPassword("54321")
            .withUserPrompt(USER_PROMPT)
            .withTermDigit('#')
            .withAbortDigit('*')
            .withMaxDigits(32);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler timers = new ManualScheduler();
    private final DigitQueue digits = new DigitQueue(timers);
    /** The seed's {@code username 786 password 0 54321} under {@code aaa authentication login default local}. */
    private final LoginAuthenticator seedLogin = new LoginAuthenticator(
            Map.of("default", new MethodList("default",
                    List.of(new LocalMethod(LocalUsers.ofCleartext(Map.of("786", "54321")))))),
            new MethodList("none", List.of()));

    private void type(String keys) {
        keys.chars().forEach(c -> assertTrue(digits.offer((char) c)));
    }

    private AuthPackage seedPackage(AuthPackageParams params) {
        return new AuthPackage(params, seedLogin, new FacLockout(clock));
    }

    @Test
    @DisplayName("seed example: user prompt heard, 786# entered, predefined password 54321 → success with FAC 786")
    void seedExampleSucceeds() throws Exception {
        RecordingPrompts prompts = new RecordingPrompts();
        type("786#");
        FacResult result = seedPackage(SEED).start("1", "786786", digits, prompts).result().get(10, TimeUnit.SECONDS);
        assertEquals(new FacResult.Success("786", "local"), result);
        assertEquals(FacStatus.SUCCESS, result.status());
        assertEquals(List.of(USER_PROMPT), prompts.played(), "only the user prompt: the password is predefined");
    }

    @Test
    @DisplayName("wrong code with max-retries 1 gets a second try; a second wrong code fails with the last code")
    void retryThenFailure() throws Exception {
        RecordingPrompts prompts = new RecordingPrompts();
        type("111#222#");
        FacResult result = seedPackage(SEED.withMaxRetries(1)).run("2", "786786", digits, prompts);
        assertEquals(new FacResult.Failure("222", 2), result);
        assertEquals(FacStatus.FAILURE, result.status());
        assertEquals(List.of(USER_PROMPT, USER_PROMPT), prompts.played());
    }

    @Test
    @DisplayName("wrong code then right code on the retry succeeds")
    void retryThenSuccess() throws Exception {
        type("111#786#");
        FacResult result = seedPackage(SEED.withMaxRetries(1)).run("3", "786786", digits, new RecordingPrompts());
        assertEquals(new FacResult.Success("786", "local"), result);
    }

    @Test
    @DisplayName("max-retries 0 (default): one wrong code fails at once")
    void noRetryByDefault() throws Exception {
        type("111#786#");
        assertEquals(new FacResult.Failure("111", 1),
                seedPackage(SEED).run("4", "786786", digits, new RecordingPrompts()));
    }

    @Test
    @DisplayName("without a predefined password the password prompt plays and the keyed password is checked")
    void collectsPassword() throws Exception {
        RecordingPrompts prompts = new RecordingPrompts();
        type("786#54321#");
        AuthPackageParams params = SEED.withPredefinedPassword(null);
        assertEquals(new FacResult.Success("786", "local"),
                seedPackage(params).run("5", "786786", digits, prompts));
        assertEquals(List.of(USER_PROMPT, PASSWD_PROMPT), prompts.played());
    }

    @Test
    @DisplayName("the abort digit restarts the code entry; the restarted entry is checked")
    void abortRestarts() throws Exception {
        type("78*786#");
        assertEquals(new FacResult.Success("786", "local"),
                seedPackage(SEED).run("6", "786786", digits, new RecordingPrompts()));
    }

    @Test
    @DisplayName("too many aborts end FAC with status abort")
    void abortStatus() throws Exception {
        type("****");
        FacResult result = seedPackage(SEED).run("7", "786786", digits, new RecordingPrompts());
        assertInstanceOf(FacResult.Aborted.class, result);
        assertEquals(FacStatus.ABORTED, result.status());
    }

    @Test
    @DisplayName("no key within the inter-digit timeout (fake clock) ends FAC with status timeout")
    void timeoutStatus() throws Exception {
        FacSession session = seedPackage(SEED).start("8", "786786", digits, new RecordingPrompts());
        assertTrue(timers.awaitScheduled(1, Duration.ofSeconds(10)), "timer 1 armed");
        timers.advance(Duration.ofSeconds(10));
        FacResult result = session.result().get(10, TimeUnit.SECONDS);
        assertEquals(new FacResult.TimedOut(""), result);
        assertEquals(FacStatus.TIMED_OUT, result.status());
    }

    @Test
    @DisplayName("a code completed by the inter-digit timeout (no terminator) is checked")
    void codeEndedByTimeout() throws Exception {
        type("786");
        FacSession session = seedPackage(SEED).start("9", "786786", digits, new RecordingPrompts());
        assertTrue(timers.awaitScheduled(1, Duration.ofSeconds(10)), "timer 1 armed");
        timers.advance(Duration.ofSeconds(10));
        assertEquals(new FacResult.Success("786", "local"), session.result().get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("hang-up mid-prompt interrupts the prompt at once and ends FAC as hung up")
    void hangUpMidPrompt() throws Exception {
        RecordingPrompts prompts = new RecordingPrompts(USER_PROMPT);
        FacSession session = seedPackage(SEED).start("10", "786786", digits, prompts);
        prompts.awaitBlockingPromptStarted();
        assertFalse(session.result().isDone());
        session.hangUp();
        assertEquals(new FacResult.HungUp(""), session.result().get(10, TimeUnit.SECONDS));
        assertEquals(List.of(USER_PROMPT), prompts.interrupted());
    }

    @Test
    @DisplayName("hang-up while waiting for digits ends FAC as hung up, keeping no timer armed")
    void hangUpWhileCollecting() throws Exception {
        FacSession session = seedPackage(SEED).start("11", "786786", digits, new RecordingPrompts());
        assertTrue(timers.awaitScheduled(1, Duration.ofSeconds(10)), "timer 1 armed");
        session.hangUp();
        assertInstanceOf(FacResult.HungUp.class, session.result().get(10, TimeUnit.SECONDS));
        assertEquals(0, timers.pending());
    }

    @Test
    @DisplayName("start() returns before any digit arrives: the signaling thread is never blocked")
    void startDoesNotBlock() throws Exception {
        FacSession session = seedPackage(SEED).start("12", "786786", digits, new RecordingPrompts());
        assertFalse(session.result().isDone());
        type("786#");
        assertEquals(new FacResult.Success("786", "local"), session.result().get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("every login method unavailable → FAC unavailable, no retry")
    void unavailable() throws Exception {
        LoginMethod down = new LoginMethod() {
            @Override
            public String name() {
                return "group radius";
            }

            @Override
            public java.util.concurrent.CompletableFuture<AuthResult> authenticate(Credentials credentials) {
                return java.util.concurrent.CompletableFuture.completedFuture(
                        new AuthResult.Unavailable(name(), "server down"));
            }
        };
        LoginAuthenticator login = new LoginAuthenticator(
                Map.of("h323", new MethodList("h323", List.of(down))), new MethodList("none", List.of()));
        type("786#786#");
        FacResult result = new AuthPackage(SEED.withMaxRetries(3), login, new FacLockout(clock))
                .run("13", "786786", digits, new RecordingPrompts());
        assertInstanceOf(FacResult.Unavailable.class, result);
        assertEquals("786", result.facDigits());
    }

    @Test
    @DisplayName("the password digits never appear in the result or its text")
    void passwordNotInResult() throws Exception {
        type("786#54321#");
        FacResult result = seedPackage(SEED.withPredefinedPassword(null)).run("14", "c", digits,
                new RecordingPrompts());
        assertFalse(result.toString().contains("54321"));
        assertFalse(SEED.toString().contains("54321"), "params hide the predefined password");
    }

    @Test
    @DisplayName("the auth package asks the h323 login list when configured, else default")
    void listChoice() throws Exception {
        AtomicReference<String> asked = new AtomicReference<>();
        LoginMethod h323 = new LoginMethod() {
            @Override
            public String name() {
                return "h323-method";
            }

            @Override
            public java.util.concurrent.CompletableFuture<AuthResult> authenticate(Credentials credentials) {
                asked.set("h323");
                return java.util.concurrent.CompletableFuture.completedFuture(
                        new AuthResult.Accepted(credentials.username(), name()));
            }
        };
        LoginAuthenticator login = new LoginAuthenticator(Map.of(
                "h323", new MethodList("h323", List.of(h323)),
                "default", new MethodList("default", List.of(new LocalMethod(LocalUsers.ofCleartext(Map.of()))))),
                new MethodList("none", List.of()));
        type("5#");
        assertEquals(new FacResult.Success("5", "h323-method"),
                new AuthPackage(SEED, login, new FacLockout(clock)).run("15", "c", digits, new RecordingPrompts()));
        assertEquals("h323", asked.get());
    }

    @Test
    @DisplayName("lockout: after 5 failed codes the caller is refused without prompting, until the lock expires")
    void lockoutRefusesCaller() throws Exception {
        AuthPackage pkg = new AuthPackage(SEED, seedLogin, new FacLockout(clock, 5, Duration.ofMinutes(15)));
        for (int i = 0; i < 4; i++) {
            type("1#");
            assertInstanceOf(FacResult.Failure.class, pkg.run("l" + i, "1001", digits, new RecordingPrompts()));
        }
        type("1#");
        assertInstanceOf(FacResult.LockedOut.class, pkg.run("l5", "1001", digits, new RecordingPrompts()));
        RecordingPrompts prompts = new RecordingPrompts();
        FacResult refused = pkg.run("l6", "1001", digits, prompts);
        assertInstanceOf(FacResult.LockedOut.class, refused);
        assertEquals(FacStatus.FAILURE, refused.status());
        assertEquals(List.of(), prompts.played(), "a locked caller hears no prompt");
        type("786#");
        assertEquals(new FacResult.Success("786", "local"),
                pkg.run("other", "2002", digits, new RecordingPrompts()), "other callers are not affected");
        clock.advance(Duration.ofMinutes(15));
        type("786#");
        assertEquals(new FacResult.Success("786", "local"), pkg.run("l7", "1001", digits, new RecordingPrompts()));
    }
}
