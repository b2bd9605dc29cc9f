package org.tollgate.callcontrol.auth;

import java.util.concurrent.CompletionStage;

/**
 * The authorization step of a call (FAC/LPCOR spec section 2): asked by call control when the
 * destination's LPCOR policy demands a forced authorization code. Implemented by the {@code aaa}
 * module (the built-in "auth package": user prompt, code digits, password prompt, AAA login
 * method list); tests plug in fakes.
 *
 * <p>Contract:
 * <ul>
 * <li>{@code authorize} returns at once; the work runs on the implementation's own thread (a
 *     virtual thread per call is intended), reading digits with {@link AuthorizationContext#digits()}
 *     and playing prompts with {@link AuthorizationContext#prompts()} as straight-line code.</li>
 * <li>The stage completes with exactly one {@link AuthorizationResult}; expected outcomes are
 *     results, never exceptional completion (an exceptional completion is treated as
 *     {@link AuthorizationResult.Unavailable}).</li>
 * <li>When the caller hangs up, the digit source answers {@link DigitInput.Hangup} and the
 *     context's {@link AuthorizationContext#cancelled()} becomes true; call control ignores any
 *     later result.</li>
 * <li>Password digits are never put in a result, a log line or a record event.</li>
 * </ul>
 */
@FunctionalInterface
public interface AuthorizationApplication {
    CompletionStage<AuthorizationResult> authorize(AuthorizationRequest request, AuthorizationContext context);
}
