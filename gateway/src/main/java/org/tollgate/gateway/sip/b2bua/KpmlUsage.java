package org.tollgate.gateway.sip.b2bua;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.time.CallScheduler;
import org.tollgate.gateway.sip.dtmf.KpmlDtmf;
import org.tollgate.gateway.sip.dtmf.KpmlSubscription;

/**
 * KPML (RFC 4730) in one SIP leg's dialog, both ways.
 *
 * <p>Subscriber ({@code dtmf-relay sip-kpml} on the leg): {@link #subscribe} sends {@code SUBSCRIBE}
 * ({@code Event: kpml}, {@code application/kpml-request+xml} from {@link KpmlDtmf#request}) in the
 * dialog, early (the caller's leg while FAC digits are collected, after the 183) or confirmed;
 * refreshes it before expiry on the call scheduler; {@link #stop} unsubscribes ({@code Expires: 0})
 * when the gateway ends the call. A refusal (489 or any final response of 300 or more) means "no
 * KPML" and is only logged. The peer's {@code NOTIFY} reports are decoded by the dispatcher and
 * reach the call's digit stream like any other digit. Transitions: {@link KpmlSubscription}.
 *
 * <p>Notifier: a peer that SUBSCRIBEs to {@code kpml} in the dialog ({@link #onSubscribe}) gets 200
 * with the granted {@code Expires} (at most {@link #MAX_NOTIFIER_EXPIRES}), an immediate NOTIFY
 * without body (RFC 6665 section 4.2.1.2), and then one {@code application/kpml-response+xml}
 * NOTIFY per digit call control relays to the leg ({@link #notifyDigit}), echoing the request's tag.
 * {@code Expires: 0} ends it with a final {@code terminated} NOTIFY.
 */
final class KpmlUsage {
    private static final Logger LOG = LoggerFactory.getLogger(KpmlUsage.class);
    /** The longest subscription granted to a peer, seconds. */
    static final int MAX_NOTIFIER_EXPIRES = 7200;
    /** The tag of the gateway's own kpml-request. */
    static final String TAG = "tollgate";

    private final SipLeg leg;
    // guarded by this
    private KpmlSubscription subscription = new KpmlSubscription.Idle();
    private CallScheduler.Cancellable refresh;
    private String peerTag;
    private Instant peerExpiresAt;

    KpmlUsage(SipLeg leg) {
        this.leg = leg;
    }

    /** Subscribes to the peer's key presses once (later calls do nothing). */
    void subscribe() {
        apply(new KpmlSubscription.Input.Start(now()));
    }

    /**
     * The call ends on our side (before our BYE or final response): unsubscribe if subscribed, and end
     * the peer's subscription with a final NOTIFY ({@code terminated;reason=noresource}).
     */
    void stop() {
        apply(new KpmlSubscription.Input.Stop());
        boolean peer;
        synchronized (this) {
            peer = peerSubscribed();
            peerTag = null;
        }
        if (peer) {
            sendNotify(0, javax.sip.header.SubscriptionStateHeader.NO_RESOURCE, null);
        }
    }

    /** The dialog is gone (the peer ended the call): nothing to send, only timers to cancel. */
    void dialogGone() {
        CallScheduler.Cancellable r;
        synchronized (this) {
            subscription = new KpmlSubscription.Ended("dialog ended");
            r = refresh;
            refresh = null;
            peerTag = null;
        }
        if (r != null) {
            r.cancel();
        }
    }

    /** The subscription's state now. */
    synchronized KpmlSubscription state() {
        return subscription;
    }

    /** A response to one of our SUBSCRIBEs. */
    void onResponse(ResponseEvent event) {
        Response r = event.getResponse();
        ExpiresHeader e = (ExpiresHeader) r.getHeader(ExpiresHeader.NAME);
        OptionalInt expires = e == null ? OptionalInt.empty() : OptionalInt.of(e.getExpires());
        if (r.getStatusCode() >= 300) {
            LOG.debug("{}: KPML subscription refused with {}, digits by other methods", leg.describe(),
                    r.getStatusCode());
        }
        apply(new KpmlSubscription.Input.Response(r.getStatusCode(), expires, now()));
    }

    /**
     * The {@code Subscription-State} of a NOTIFY of our subscription: {@code terminated} ends it
     * (no more refreshes; digits then come another way), an {@code expires} updates its expiry.
     */
    void onNotifyState(boolean terminated, int expires) {
        if (terminated) {
            LOG.debug("{}: KPML subscription terminated by the peer", leg.describe());
        }
        apply(new KpmlSubscription.Input.Notify(terminated,
                expires >= 0 ? OptionalInt.of(expires) : OptionalInt.empty(), now()));
    }

    private void apply(KpmlSubscription.Input input) {
        KpmlSubscription.Step step;
        CallScheduler.Cancellable old = null;
        synchronized (this) {
            step = KpmlSubscription.next(subscription, input);
            subscription = step.state();
            if (!step.state().live() || step.effects().stream().anyMatch(x -> x instanceof KpmlSubscription.Effect.ScheduleRefresh)) {
                old = refresh;
                refresh = null;
            }
        }
        if (old != null) {
            old.cancel();
        }
        for (KpmlSubscription.Effect effect : step.effects()) {
            switch (effect) {
                case KpmlSubscription.Effect.SendSubscribe s -> sendSubscribe(s.expires());
                case KpmlSubscription.Effect.ScheduleRefresh s -> {
                    CallScheduler scheduler = leg.b2bua.scheduler();
                    Duration delay = Duration.between(scheduler.now(), s.at());
                    CallScheduler.Cancellable task = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay,
                            () -> apply(new KpmlSubscription.Input.RefreshDue(now())));
                    synchronized (this) {
                        refresh = task;
                    }
                }
            }
        }
    }

    private void sendSubscribe(Duration expires) {
        Dialog d = leg.dialog;
        if (d == null) {
            return;
        }
        SipMessages m = leg.b2bua.messages();
        leg.b2bua.sendInDialog(d, Request.SUBSCRIBE, r -> {
            r.addHeader(m.headers.createEventHeader(KpmlDtmf.EVENT));
            r.addHeader(m.headers.createExpiresHeader((int) expires.toSeconds()));
            r.addHeader(m.headers.createAcceptHeader("application", "kpml-response+xml"));
            r.addHeader(m.contact(leg.contactUser(), leg.b2bua.contactHost(), leg.b2bua.contactPort()));
            r.setContent(KpmlDtmf.request(TAG), m.headers.createContentTypeHeader("application", "kpml-request+xml"));
        });
        LOG.debug("{}: KPML SUBSCRIBE, Expires {}", leg.describe(), expires.toSeconds());
    }

    /** True while the peer holds a KPML subscription to this leg (digits can be NOTIFYed to it). */
    synchronized boolean peerSubscribed() {
        return peerTag != null && peerExpiresAt != null && now().isBefore(peerExpiresAt);
    }

    /** A SUBSCRIBE from the peer in this leg's dialog (the dispatcher let only {@code Event: kpml} through). */
    void onSubscribe(Request req, ServerTransaction tx) {
        ExpiresHeader e = (ExpiresHeader) req.getHeader(ExpiresHeader.NAME);
        int granted = Math.min(MAX_NOTIFIER_EXPIRES, e == null ? MAX_NOTIFIER_EXPIRES : Math.max(0, e.getExpires()));
        String body = SipMessages.body(req);
        String tag;
        synchronized (this) {
            tag = peerTag;
        }
        if (!body.isBlank()) {
            java.util.Optional<String> t = KpmlDtmf.requestTag(body);
            if (t.isEmpty()) {
                leg.b2bua.messages().respond(tx, Response.BAD_REQUEST, r -> { });
                return;
            }
            tag = t.get();
        } else if (tag == null && granted > 0) {
            tag = ""; // an initial SUBSCRIBE without a request: report every digit untagged
        }
        SipMessages m = leg.b2bua.messages();
        boolean ok = m.respond(tx, Response.OK, r -> {
            r.addHeader(m.headers.createExpiresHeader(granted));
            r.addHeader(m.contact(leg.contactUser(), leg.b2bua.contactHost(), leg.b2bua.contactPort()));
        });
        if (!ok) {
            return;
        }
        synchronized (this) {
            peerTag = granted == 0 ? null : tag;
            peerExpiresAt = now().plusSeconds(granted);
        }
        sendNotify(granted, javax.sip.header.SubscriptionStateHeader.TIMEOUT, null);
        LOG.debug("{}: peer KPML subscription for {} s", leg.describe(), granted);
    }

    /** Reports {@code digit} to the subscribed peer; false when there is no live subscription. */
    boolean notifyDigit(char digit) {
        String tag;
        int left;
        synchronized (this) {
            if (!peerSubscribed()) {
                return false;
            }
            tag = peerTag;
            left = (int) Math.max(1, Duration.between(now(), peerExpiresAt).toSeconds());
        }
        sendNotify(left, null, KpmlDtmf.response(String.valueOf(digit), tag));
        return true;
    }

    /** NOTIFY with {@code Subscription-State: active;expires=N}, or {@code terminated;reason=R} for 0. */
    private void sendNotify(int expires, String reason, String body) {
        Dialog d = leg.dialog;
        if (d == null) {
            return;
        }
        SipMessages m = leg.b2bua.messages();
        leg.b2bua.sendInDialog(d, Request.NOTIFY, r -> {
            r.addHeader(m.headers.createEventHeader(KpmlDtmf.EVENT));
            javax.sip.header.SubscriptionStateHeader st = m.headers.createSubscriptionStateHeader(
                    expires == 0 ? javax.sip.header.SubscriptionStateHeader.TERMINATED
                            : javax.sip.header.SubscriptionStateHeader.ACTIVE);
            if (expires == 0) {
                st.setReasonCode(reason);
            } else {
                st.setExpires(expires);
            }
            r.addHeader(st);
            if (body != null) {
                r.setContent(body, m.headers.createContentTypeHeader("application", "kpml-response+xml"));
            }
        });
    }

    private Instant now() {
        return leg.b2bua.scheduler().now();
    }
}
