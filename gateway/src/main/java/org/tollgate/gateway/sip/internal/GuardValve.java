package org.tollgate.gateway.sip.internal;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransaction;
import javax.sip.TransactionState;
import java.io.IOException;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}: sees every parsed message before the transaction
 * layer. Runs {@link SipMessageGuard#checkParsed} and overload control, answering statelessly (a
 * retransmission of a refused request is refused again the same way).
 */
public final class GuardValve implements SIPMessageValve {
    private static final Logger LOG = LoggerFactory.getLogger(GuardValve.class);

    private Optional<StackHooks.Hooks> hooks = Optional.empty();
    private SipStackImpl stack;

    /** Created by the stack through reflection. */
    public GuardValve() {
    }

    @Override public void init(SipStack stack) {
        this.stack = (SipStackImpl) stack;
        hooks = StackHooks.lookup(this.stack.getStackName());
    }

    @Override public void destroy() {
        hooks = Optional.empty();
    }

    @Override public boolean processRequest(SIPRequest request, MessageChannel channel) {
        if (request.getApplicationData() instanceof SipMessageGuard.Rejection r) {
            respond(request, channel, r.status(), r.reason(), -1);
            return false;
        }
        if (request.getMaxForwards() == null) {
            // RFC 2543 requests (RFC 4475 3.4.1) have none; the RI insists on one, and a UAS ignores it
            try {
                request.setHeader(new gov.nist.javax.sip.header.MaxForwards(70));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        }
        if (Request.INVITE.equals(request.getMethod()) && request.getContactHeader() == null && request.getFrom() != null) {
            // RFC 2543 section 6.13: without Contact the remote target is the From address; the RI insists on one
            gov.nist.javax.sip.header.Contact contact = new gov.nist.javax.sip.header.Contact();
            contact.setAddress(request.getFrom().getAddress());
            request.setHeader(contact);
        }
        SipMessageGuard.Verdict v = SipMessageGuard.checkParsed(request);
        switch (v) {
            case SipMessageGuard.Verdict.Pass p -> {
                // continue with overload control
            }
            case SipMessageGuard.Verdict.Drop d -> {
                hooks.ifPresent(h -> h.dropped(d.reason()));
                return false;
            }
            case SipMessageGuard.Verdict.Reject r -> {
                hooks.ifPresent(h -> h.rejected(r.status(), r.reason()));
                respond(request, channel, r.status(), r.reason(), -1);
                return false;
            }
        }
        releaseCollidingBranch(request);
        if (hooks.isEmpty()) {
            return true;
        }
        StackHooks.OverloadDecision decision = hooks.get().admit(request);
        return switch (decision) {
            case StackHooks.OverloadDecision.Admit a -> true;
            case StackHooks.OverloadDecision.Refuse refuse -> {
                respond(request, channel, Response.SERVICE_UNAVAILABLE, null, refuse.retryAfterSeconds());
                yield false;
            }
        };
    }

    /**
     * The RI keys server transactions by branch alone, while RFC 3261 section 17.2.3 matches on
     * branch, sent-by and method. A new request from another peer (different Call-ID, CSeq or
     * sent-by) that reuses the branch of a transaction already answered finally would be taken for
     * a retransmission and never reach the listener (all RFC 4475 messages use
     * {@code z9hG4bKkdjuw}). Such a finished transaction is removed from the table so the new request
     * gets its own; one still in progress keeps the branch.
     */
    private void releaseCollidingBranch(SIPRequest request) {
        if (stack == null || Request.ACK.equals(request.getMethod()) || Request.CANCEL.equals(request.getMethod())) {
            return;
        }
        SIPTransaction existing = stack.findTransaction(request, true);
        if (!(existing instanceof SIPServerTransaction old)) {
            return;
        }
        // a finished transaction keeps its request only as bytes (RELEASE_REFERENCES_STRATEGY=Normal):
        // getRequest() parses them again; this happens only when a branch is reused
        SIPRequest previous = old.getOriginalRequest() != null ? old.getOriginalRequest()
                : old.getRequest() instanceof SIPRequest r ? r : null;
        if (previous == null) {
            return;
        }
        boolean sameRequest = previous.getCallId().getCallId().equals(request.getCallId().getCallId())
                && previous.getCSeq().getSeqNumber() == request.getCSeq().getSeqNumber()
                && previous.getTopmostVia().getSentBy().equals(request.getTopmostVia().getSentBy());
        TransactionState state = old.getState();
        boolean finished = state == TransactionState.COMPLETED || state == TransactionState.CONFIRMED
                || state == TransactionState.TERMINATED;
        if (!sameRequest && finished) {
            stack.removeTransaction(old);
            LOG.debug("branch {} reused by a different request: old transaction released", request.getTransactionId());
        }
    }

    @Override public boolean processResponse(Response response, MessageChannel channel) {
        hooks.ifPresent(StackHooks.Hooks::responseAccepted);
        return true;
    }

    private static void respond(SIPRequest request, MessageChannel channel, int status, String reason, int retryAfter) {
        if (Request.ACK.equals(request.getMethod())) {
            return; // never answer an ACK
        }
        try {
            SIPResponse response = request.createResponse(status, reason);
            if (retryAfter >= 0) {
                RetryAfter ra = new RetryAfter();
                ra.setRetryAfter(retryAfter);
                response.setHeader(ra);
            }
            if (channel.isReliable()) {
                channel.sendMessage(response);
            } else {
                // symmetric response routing, as the RI does for its own transactions (ALWAYS_ADD_RPORT)
                channel.sendMessage(response, channel.getPeerPacketSourceAddress(), channel.getPeerPacketSourcePort());
            }
        } catch (IOException | InvalidArgumentException | RuntimeException e) {
            // RuntimeException: the RI's createResponse fails with NPE on a request lacking From/To
            // (RFC 4475 3.3.1); such a request cannot be answered and is dropped, as the RFC allows
            LOG.debug("could not answer rejected {}: {}", request.getMethod(), e.toString());
        }
    }
}
