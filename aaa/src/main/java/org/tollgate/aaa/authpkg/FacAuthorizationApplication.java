package org.tollgate.aaa.authpkg;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.auth.AuthorizationContext;
import org.tollgate.callcontrol.auth.AuthorizationRequest;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;

/**
 * The auth package as call control's {@link AuthorizationApplication}: register an instance with
 * the call engine. Each {@link #authorize} starts the FAC flow on its own virtual thread and returns
 * at once; the inter-digit timeout comes from the call ({@code timeouts interdigit}).
 *
 * <p>Result mapping: success → {@code Success(code)}; rejected after the retries or locked out →
 * {@code Failure(code, reason)}; too many aborts or the caller hung up → {@code Aborted}; nothing
 * keyed → {@code TimedOut}; every login method unavailable → {@code Unavailable}.
 */
public final class FacAuthorizationApplication implements AuthorizationApplication {

    private final AuthPackage authPackage;

    public FacAuthorizationApplication(AuthPackage authPackage) {
        this.authPackage = Objects.requireNonNull(authPackage, "authPackage");
    }

    /** Builds the package from current parameters, login lists and lockout. */
    public static FacAuthorizationApplication of(Supplier<AuthPackageParams> params,
            org.tollgate.aaa.method.LoginAuthenticator login, org.tollgate.aaa.lockout.FacLockout lockout) {
        return new FacAuthorizationApplication(new AuthPackage(params, login, lockout));
    }

    @Override
    public AuthorizationSession authorize(AuthorizationRequest request, AuthorizationContext context) {
        String caller = request.callingNumber() == null || request.callingNumber().isEmpty()
                ? "call-" + request.call()
                : request.callingNumber();
        FacSession session = authPackage.start(String.valueOf(request.call()), caller, context.digits(),
                context.prompts(), context.interdigitTimeout());
        CompletionStage<AuthorizationResult> result = session.result().thenApply(FacAuthorizationApplication::toResult);
        return new AuthorizationSession() {
            @Override
            public CompletionStage<AuthorizationResult> result() {
                return result;
            }

            @Override
            public void hangUp() {
                session.hangUp();
            }
        };
    }

    /** The call-control view of a FAC outcome (password digits are never part of either). */
    public static AuthorizationResult toResult(FacResult result) {
        return switch (result) {
            case FacResult.Success success -> new AuthorizationResult.Success(success.facDigits());
            case FacResult.Failure failure -> new AuthorizationResult.Failure(failure.facDigits(),
                    "code rejected after " + failure.attempts() + " tries");
            case FacResult.LockedOut locked -> new AuthorizationResult.Failure("",
                    "caller locked out until " + locked.until());
            case FacResult.Aborted aborted -> new AuthorizationResult.Aborted();
            case FacResult.HungUp hungUp -> new AuthorizationResult.Aborted();
            case FacResult.TimedOut timedOut -> new AuthorizationResult.TimedOut();
            case FacResult.Unavailable unavailable -> new AuthorizationResult.Unavailable(unavailable.reason());
        };
    }
}
