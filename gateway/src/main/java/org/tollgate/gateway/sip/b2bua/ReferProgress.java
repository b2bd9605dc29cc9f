package org.tollgate.gateway.sip.b2bua;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.Dialog;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallOutcome;
import org.tollgate.callcontrol.feature.FeatureOutcome;
import org.tollgate.gateway.sip.cause.SipCauseMapping;

/**
 * The implicit subscription of an accepted REFER (RFC 3515 section 2.4.4-2.4.6): {@code SIP/2.0 100
 * Trying} with {@code Subscription-State: active} right after the {@code 202}, then one final
 * {@code message/sipfrag} with {@code Subscription-State: terminated;reason=noresource} carrying the
 * real outcome of what the REFER started:
 * <ul>
 *   <li>a feature that starts a new call to route (blind transfer, forward by REFER):
 *       {@code 200 OK} once the target answers, else the new call's release cause mapped by
 *       {@link SipCauseMapping#toSipStatus(Q850Cause)} (RFC 3398: busy 486, no answer 480 / 408,
 *       LPCOR block with cause 21 403 or the IOS default cause 63 503 ...);</li>
 *   <li>a feature complete once carried out (consult transfer, park): {@code 200 OK} when done;</li>
 *   <li>a feature call control refuses: the refusal's cause mapped the same way (park slot busy 486,
 *       not a park slot 404).</li>
 * </ul>
 * {@link #done()} completes after the final NOTIFY was sent: a transferor's leg released meanwhile
 * by call control sends its BYE only then (the order of RFC 5589 section 6.1: the transferor learns
 * the outcome before its dialog ends). Limit: the final NOTIFY is sent at the latest after
 * {@link #LIMIT} ({@code Subscription-State: terminated;reason=timeout}, sipfrag {@code 100 Trying}).
 */
final class ReferProgress {
    private static final Logger LOG = LoggerFactory.getLogger(ReferProgress.class);
    /** The longest the gateway keeps a REFER subscription waiting for an outcome: 3 minutes. */
    static final Duration LIMIT = Duration.ofMinutes(3);
    static final String TRYING = "SIP/2.0 100 Trying";
    static final String OK = "SIP/2.0 200 OK";

    private final SipB2bua b2bua;
    private final Dialog dialog;
    private final String what;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile org.tollgate.callcontrol.time.CallScheduler.Cancellable limit = () -> { };

    private ReferProgress(SipB2bua b2bua, Dialog dialog, String what) {
        this.b2bua = b2bua;
        this.dialog = dialog;
        this.what = what;
    }

    /**
     * Starts the subscription in {@code dialog} (the REFER's dialog, already answered 202): sends
     * {@code 100 Trying} (active) and arms the {@link #LIMIT}. {@code what} names it in logs.
     */
    static ReferProgress start(SipB2bua b2bua, Dialog dialog, String what) {
        ReferProgress p = new ReferProgress(b2bua, dialog, what);
        p.send(TRYING, "active;expires=" + LIMIT.toSeconds());
        p.limit = b2bua.scheduler().schedule(LIMIT, () -> p.finish(TRYING, "terminated;reason=timeout"));
        return p;
    }

    /** Completes once the final NOTIFY was sent (or the subscription could not be started). */
    CompletionStage<Void> done() {
        return done;
    }

    /**
     * Reports the feature's {@code outcome}: with {@code untilAnswered}, a {@code Done} with a new
     * call waits for that call's answer or failure ({@code CallControl.outcome}).
     */
    void report(CompletionStage<FeatureOutcome> outcome, boolean untilAnswered) {
        outcome.whenComplete((o, ex) -> {
            if (ex != null) {
                LOG.warn("{}: feature failed", what, ex);
                finish(fragment(Q850Cause.TEMPORARY_FAILURE), "terminated;reason=noresource");
                return;
            }
            switch (o) {
                case FeatureOutcome.Done d -> {
                    var cc = b2bua.calls();
                    var progress = untilAnswered && cc != null
                            ? d.call().flatMap(cc::outcome) : java.util.Optional.<CompletionStage<CallOutcome>>empty();
                    if (progress.isEmpty()) {
                        finish(OK, "terminated;reason=noresource");
                    } else {
                        progress.get().thenAccept(co -> finish(switch (co) {
                            case CallOutcome.Answered a -> OK;
                            case CallOutcome.Failed f -> fragment(f.cause());
                        }, "terminated;reason=noresource"));
                    }
                }
                case FeatureOutcome.Refused r -> {
                    LOG.info("{} refused: {} ({})", what, r.reason(), r.cause());
                    finish(fragment(r.cause()), "terminated;reason=noresource");
                }
            }
        });
    }

    /** {@code SIP/2.0 <status> <reason>} for a call cleared with {@code cause} before answer. */
    static String fragment(Q850Cause cause) {
        int status = SipCauseMapping.toSipStatus(cause);
        return "SIP/2.0 " + status + " " + gov.nist.javax.sip.message.SIPResponse.getReasonPhrase(status);
    }

    private void finish(String sipfrag, String state) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        limit.cancel();
        LOG.info("{}: final NOTIFY {}", what, sipfrag);
        send(sipfrag, state);
        done.complete(null);
    }

    private void send(String sipfrag, String state) {
        b2bua.sendInDialog(dialog, Request.NOTIFY, r -> {
            r.addHeader(b2bua.messages().headers.createEventHeader("refer"));
            r.addHeader(b2bua.messages().headers.createSubscriptionStateHeader(state));
            r.setContent(sipfrag + "\r\n", b2bua.messages().headers.createContentTypeHeader("message", "sipfrag"));
        });
    }
}
