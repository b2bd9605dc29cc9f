package org.tollgate.callcontrol.auth;

import java.time.Duration;

import org.tollgate.callcontrol.call.CallRef;

/** What an {@link AuthorizationApplication} may use of the call it authorizes. */
public interface AuthorizationContext {
    CallRef call();

    /** The caller's digits, from whatever DTMF method the incoming leg uses. */
    DigitSource digits();

    /** Plays prompts to the caller. */
    PromptPlayer prompts();

    /** The configured inter-digit timeout ({@code timeouts interdigit}, default 10 s). */
    Duration interdigitTimeout();
}
