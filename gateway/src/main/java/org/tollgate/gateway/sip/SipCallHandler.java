package org.tollgate.gateway.sip;

import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import org.tollgate.gateway.sip.dtmf.DigitEvent;

/**
 * What the SIP edge hands to call handling: the seam the B2BUA implements. The {@link SipServer}
 * has already validated the message (RFC 4475 guard, method, URI scheme, Require, content type,
 * Accept) and applied overload control before any of these is called.
 *
 * <p>Called on JAIN-SIP's threads (re-entrant, pool of {@link SipServerSettings#threadPoolSize()}):
 * implementations must not block and must be thread-safe.
 */
public interface SipCallHandler {

    /**
     * A new INVITE (no To tag). The handler owns {@code transaction} and must send a final response
     * (or 100/18x first). {@link SipServer#callSetupFinished()} must be called once when the INVITE
     * gets its final response, so overload control counts calls in setup correctly.
     */
    void onInvite(RequestEvent event, ServerTransaction transaction);

    /**
     * An in-dialog request other than INFO/NOTIFY DTMF (BYE, re-INVITE, ACK, CANCEL, UPDATE).
     * {@code transaction} is null for ACK.
     */
    void onInDialogRequest(RequestEvent event, ServerTransaction transaction);

    /** A DTMF digit received by SIP INFO, Cisco NOTIFY or KPML inside {@code dialog} (answered 200 after this returns). */
    void onDigit(Dialog dialog, DigitEvent digit);

    /**
     * The {@code Subscription-State} of a KPML NOTIFY received in {@code dialog} (RFC 6665 section
     * 4.1.3): {@code terminated}, or active / pending with the {@code expires} left (-1 when absent).
     * Called before the NOTIFY's digits, if any.
     */
    default void onKpmlSubscriptionState(Dialog dialog, boolean terminated, int expires) {
    }

    /**
     * A dialog ended in the stack: BYE completed, or a 2xx was never acknowledged (the stack gave up
     * retransmitting it). Dialog state must be cleaned up here rather than on the ACK event, which
     * with a thread pool larger than one may arrive out of order or not at all (issue 5).
     */
    default void onDialogTerminated(Dialog dialog) {
    }

    /** A server transaction of this handler timed out (no ACK for a final non-2xx response, RFC 3261 Timer H). */
    default void onServerTransactionTimeout(ServerTransaction transaction) {
    }

    /**
     * A response to one of the handler's own requests (an outgoing leg's INVITE, CANCEL, BYE, INFO),
     * including 2xx retransmissions that arrive without a client transaction.
     */
    default void onResponse(javax.sip.ResponseEvent event) {
    }

    /** A client transaction of this handler timed out (RFC 3261 Timer B/F: no final response). */
    default void onClientTransactionTimeout(javax.sip.ClientTransaction transaction) {
    }
}
