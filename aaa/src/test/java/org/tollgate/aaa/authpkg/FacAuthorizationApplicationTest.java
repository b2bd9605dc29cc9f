package org.tollgate.aaa.authpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.local.LocalMethod;
import org.tollgate.aaa.local.LocalUsers;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.aaa.method.LoginAuthenticator;
import org.tollgate.aaa.method.MethodList;
import org.tollgate.aaa.testing.DigitQueue;
import org.tollgate.callcontrol.time.ManualClock;
import org.tollgate.aaa.testing.RecordingPrompts;
import org.tollgate.callcontrol.auth.AuthorizationContext;
import org.tollgate.callcontrol.auth.AuthorizationRequest;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.auth.DigitSource;
import org.tollgate.callcontrol.auth.PromptPlayer;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.time.ManualScheduler;

/** The auth package behind call control's AuthorizationApplication interface. */
class FacAuthorizationApplicationTest {

    private final ManualScheduler timers = new ManualScheduler();
    private final DigitQueue digits = new DigitQueue(timers);
    private final RecordingPrompts prompts = new RecordingPrompts("flash:blocking.au");
    private final FacAuthorizationApplication application = FacAuthorizationApplication.of(
            () -> AuthPackageParams.defaults().withPredefinedPassword("54321").withTermDigit('#'),
            new LoginAuthenticator(Map.of("default", new MethodList("default",
                    List.of(new LocalMethod(LocalUsers.ofCleartext(Map.of("786", "54321")))))),
                    new MethodList("none", List.of())),
            new FacLockout(new ManualClock(Instant.parse("2026-01-01T00:00:00Z"))));

    private AuthorizationContext context(Duration interdigit, PromptPlayer player) {
        CallRef ref = callRef();
        return new AuthorizationContext() {
            @Override
            public CallRef call() {
                return ref;
            }

            @Override
            public DigitSource digits() {
                return digits;
            }

            @Override
            public PromptPlayer prompts() {
                return player;
            }

            @Override
            public Duration interdigitTimeout() {
                return interdigit;
            }
        };
    }

    private static CallRef callRef() {
        return new CallRef(1);
    }

    private static AuthorizationRequest request() {
        return new AuthorizationRequest(callRef(), "786786", "99329", 11, "AnalogPhone", Optional.of("LocalUser"));
    }

    @Test
    @DisplayName("786# with the predefined password → call control sees Success(786)")
    void success() throws Exception {
        digits.offer('7');
        digits.offer('8');
        digits.offer('6');
        digits.offer('#');
        AuthorizationSession session = application.authorize(request(), context(Duration.ofSeconds(10), prompts));
        assertEquals(new AuthorizationResult.Success("786"),
                session.result().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("the call's timeouts interdigit governs collection (5 s here, not the default 10 s)")
    void interdigitFromCall() throws Exception {
        AuthorizationSession session = application.authorize(request(), context(Duration.ofSeconds(5), prompts));
        assertTrue(timers.awaitScheduled(1, Duration.ofSeconds(10)), "timer 1 armed");
        timers.advance(Duration.ofSeconds(5));
        assertInstanceOf(AuthorizationResult.TimedOut.class,
                session.result().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("hang-up mid-prompt through the session stops the flow")
    void hangUp() throws Exception {
        AuthorizationSession session = application.authorize(request(),
                context(Duration.ofSeconds(10), url -> prompts.play("flash:blocking.au")));
        prompts.awaitBlockingPromptStarted();
        assertFalse(session.result().toCompletableFuture().isDone());
        session.hangUp();
        assertInstanceOf(AuthorizationResult.Aborted.class,
                session.result().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("every FAC outcome maps to a call-control result without password digits")
    void mapping() {
        assertEquals(new AuthorizationResult.Failure("111", "code rejected after 2 tries"),
                FacAuthorizationApplication.toResult(new FacResult.Failure("111", 2)));
        assertInstanceOf(AuthorizationResult.Failure.class,
                FacAuthorizationApplication.toResult(new FacResult.LockedOut(Instant.EPOCH)));
        assertInstanceOf(AuthorizationResult.Aborted.class,
                FacAuthorizationApplication.toResult(new FacResult.Aborted("1")));
        assertInstanceOf(AuthorizationResult.TimedOut.class,
                FacAuthorizationApplication.toResult(new FacResult.TimedOut("")));
        assertEquals(new AuthorizationResult.Unavailable("down"),
                FacAuthorizationApplication.toResult(new FacResult.Unavailable("786", "down")));
    }
}
