package org.tollgate.aaa.authpkg;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.method.LoginAuthenticator;
import org.tollgate.callcontrol.auth.DigitSource;
import org.tollgate.callcontrol.auth.PromptPlayer;

/**
 * The built-in FAC authorization application ("auth package", spec fac-lpcor §2 and §4).
 *
 * <p>Flow, per call, as straight-line code on the call's own virtual thread:
 * <ol>
 *   <li>a locked-out caller ({@link FacLockout}) is refused at once;</li>
 *   <li>play {@code user-prompt}, collect the code;</li>
 *   <li>with {@code param passwd} the password is the predefined one; otherwise play
 *       {@code passwd-prompt} and collect the password;</li>
 *   <li>ask the login method list ({@code aaa authentication login}); accept → success;
 *       reject → one more try while {@code max-retries} allow, then failure;
 *       every method unavailable → {@link FacResult.Unavailable} (no retry: asking again
 *       would not help);</li>
 *   <li>nothing keyed within the inter-digit timeout counts as a try; when it was the last try the
 *       result is {@link FacResult.TimedOut}. Too many aborts end with {@link FacResult.Aborted}.</li>
 * </ol>
 * An empty code (terminator pressed first) is a rejected try without asking AAA. Password digits
 * never leave this method: they are neither logged nor part of the result.
 */
public final class AuthPackage {

    private static final Logger LOG = LoggerFactory.getLogger(AuthPackage.class);

    private final Supplier<AuthPackageParams> params;
    private final Supplier<LoginAuthenticator> login;
    private final FacLockout lockout;

    /**
     * @param params the current parameters (a supplier so a configuration swap applies to the next call)
     * @param login the configured login method lists (a supplier: the current configuration's)
     * @param lockout the brute-force lockout
     */
    public AuthPackage(Supplier<AuthPackageParams> params, Supplier<LoginAuthenticator> login, FacLockout lockout) {
        this.params = Objects.requireNonNull(params, "params");
        this.login = Objects.requireNonNull(login, "login");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
    }

    public AuthPackage(Supplier<AuthPackageParams> params, LoginAuthenticator login, FacLockout lockout) {
        this(params, () -> login, lockout);
    }

    public AuthPackage(AuthPackageParams params, LoginAuthenticator login, FacLockout lockout) {
        this(() -> params, () -> login, lockout);
    }

    /**
     * Starts the application for one call on a new virtual thread and returns at once (safe to call
     * from a signaling thread).
     *
     * @param callId the call's id, for the thread name and logs
     * @param caller the calling endpoint (lockout key): calling number or endpoint name
     */
    public FacSession start(String callId, String caller, DigitSource digits, PromptPlayer prompts) {
        return start(callId, caller, digits, prompts, null);
    }

    /**
     * As {@link #start(String, String, DigitSource, PromptPlayer)}, with the call's inter-digit
     * timeout ({@code timeouts interdigit} of its voice-port or telephony-service) overriding the
     * parameters' one; null keeps the parameters' one.
     */
    public FacSession start(String callId, String caller, DigitSource digits, PromptPlayer prompts,
            Duration interDigitTimeout) {
        CompletableFuture<FacResult> result = new CompletableFuture<>();
        Progress progress = new Progress();
        Thread thread = Thread.ofVirtual().name("fac-" + callId).unstarted(() -> {
            try {
                result.complete(run(callId, caller, digits, prompts, progress, interDigitTimeout));
            } catch (InterruptedException e) {
                LOG.info("call {}: FAC abandoned, caller hung up", callId);
                result.complete(new FacResult.HungUp(progress.code));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        FacSession session = new FacSession(callId, thread, result);
        thread.start();
        return session;
    }

    /**
     * Runs the application on the current thread (which must be the call's IVR thread).
     *
     * @throws InterruptedException when the caller hangs up
     */
    public FacResult run(String callId, String caller, DigitSource digits, PromptPlayer prompts)
            throws InterruptedException {
        return run(callId, caller, digits, prompts, new Progress(), null);
    }

    /** The code keyed so far, visible to {@link #start}'s hang-up path. */
    private static final class Progress {
        volatile String code = "";
    }

    private FacResult run(String callId, String caller, DigitSource digits, PromptPlayer prompts, Progress progress,
            Duration interDigitTimeout) throws InterruptedException {
        AuthPackageParams p = interDigitTimeout == null || interDigitTimeout.isZero() || interDigitTimeout.isNegative()
                ? params.get()
                : params.get().withInterDigitTimeout(interDigitTimeout);
        Optional<Instant> locked = lockout.refuse(caller);
        if (locked.isPresent()) {
            return new FacResult.LockedOut(locked.get());
        }
        DigitCollector collector = new DigitCollector(digits, prompts);
        CollectSpec spec = p.collectSpec();
        int tries = p.maxRetries() + 1;
        for (int attempt = 1; attempt <= tries; attempt++) {
            boolean last = attempt == tries;
            CollectResult codeEntry = collector.collect(p.userPrompt(), spec);
            String code;
            switch (codeEntry) {
                case CollectResult.Aborted aborted -> {
                    LOG.info("call {}: FAC aborted by caller", callId);
                    return new FacResult.Aborted(progress.code);
                }
                case CollectResult.NothingEntered nothing -> {
                    LOG.info("call {}: FAC try {}/{}: no code entered", callId, attempt, tries);
                    if (last) {
                        return new FacResult.TimedOut(progress.code);
                    }
                    continue;
                }
                case CollectResult.Entered entered -> code = entered.digits();
            }
            progress.code = code;
            String password;
            if (p.predefinedPassword().isPresent()) {
                password = p.predefinedPassword().get();
            } else {
                CollectResult passwordEntry = collector.collect(p.passwdPrompt(), spec);
                switch (passwordEntry) {
                    case CollectResult.Aborted aborted -> {
                        LOG.info("call {}: FAC aborted by caller", callId);
                        return new FacResult.Aborted(code);
                    }
                    case CollectResult.NothingEntered nothing -> {
                        LOG.info("call {}: FAC try {}/{}: no password entered", callId, attempt, tries);
                        if (last) {
                            return new FacResult.TimedOut(code);
                        }
                        continue;
                    }
                    case CollectResult.Entered entered -> password = entered.digits();
                }
            }
            AuthResult answer = code.isEmpty()
                    ? new AuthResult.Rejected(code, "empty code")
                    : await(login.get().authenticate(p.loginList(), new Credentials(code, password)));
            switch (answer) {
                case AuthResult.Accepted accepted -> {
                    lockout.recordSuccess(caller);
                    LOG.info("call {}: FAC {} accepted by {}", callId, code, accepted.method());
                    return new FacResult.Success(code, accepted.method());
                }
                case AuthResult.Rejected rejected -> {
                    LOG.info("call {}: FAC try {}/{}: code {} rejected by {}", callId, attempt, tries, code,
                            rejected.method());
                    if (lockout.recordFailure(caller)) {
                        Instant until = lockout.refuse(caller).orElse(Instant.EPOCH);
                        return new FacResult.LockedOut(until);
                    }
                }
                case AuthResult.Unavailable unavailable -> {
                    LOG.warn("call {}: FAC code {} not checked: {} ({})", callId, code, unavailable.method(),
                            unavailable.reason());
                    return new FacResult.Unavailable(code, unavailable.reason());
                }
            }
        }
        return new FacResult.Failure(progress.code, tries);
    }

    private static AuthResult await(CompletableFuture<AuthResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return new AuthResult.Unavailable("login", "error: " + e.getCause());
        }
    }
}
