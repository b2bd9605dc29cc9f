package org.tollgate.callcontrol.auth;

/**
 * The authorization step of a call (FAC/LPCOR spec section 2): asked by call control when the
 * destination's LPCOR policy demands a forced authorization code. Implemented by the {@code aaa}
 * module (the built-in "auth package": user prompt, code digits, password prompt, AAA login
 * method list); tests plug in fakes.
 *
 * <p>Contract:
 * <ul>
 * <li>{@code authorize} returns at once (it is called from the call's serial context); the work
 *     runs on the implementation's own thread (a virtual thread per call is intended), reading
 *     digits with {@link AuthorizationContext#digits()} and playing prompts with
 *     {@link AuthorizationContext#prompts()} as straight-line code.</li>
 * <li>The session's result completes with exactly one {@link AuthorizationResult}; expected
 *     outcomes are results, never exceptional completion (an exceptional completion is treated
 *     as {@link AuthorizationResult.Unavailable}).</li>
 * <li>When the caller hangs up, call control calls {@link AuthorizationSession#hangUp()} and its
 *     digit source throws {@link InterruptedException} from then on; any later result is ignored.</li>
 * <li>Password digits are never put in a result, a log line or a record event.</li>
 * </ul>
 */
@FunctionalInterface
public interface AuthorizationApplication {
    AuthorizationSession authorize(AuthorizationRequest request, AuthorizationContext context);
}
