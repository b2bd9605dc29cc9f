package org.tollgate.config.lpcor;

/** What a policy rule says about calls from a source group. */
public enum Verdict {
    /** {@code accept G}. */
    ACCEPT,
    /** {@code accept G fac}: accepted after a valid forced authorization code. */
    ACCEPT_FAC,
    /** {@code no accept G}: explicitly rejected (also blocks the policy's own group). */
    REJECT
}
