package org.tollgate.gateway.sip.b2bua;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * The RFC 4028 session timer of one incoming SIP leg, on call control's scheduler (so tests advance
 * a manual clock). Started when the 2xx is sent with the negotiated {@link SessionTimer.Negotiation.Use};
 * every refresh (the caller's re-INVITE, or ours answered) restarts it.
 *
 * <ul>
 *   <li>Refresher {@code uas} (the gateway): a re-INVITE with the leg's unchanged SDP and
 *       {@code Session-Expires: N;refresher=uas} at N/2 after the last refresh, then every N/2.</li>
 *   <li>Refresher {@code uac} (the caller): when no refresh came by {@code N - min(32, N/3)} the
 *       session has expired: BYE (RFC 4028 section 10), the call is released with cause 102
 *       (recovery on timer expiry).</li>
 * </ul>
 */
final class SessionTimerUsage {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTimerUsage.class);

    private final InboundLeg leg;
    // guarded by this
    private SessionTimer.Negotiation.Use use;
    private CallScheduler.Cancellable task;
    private boolean stopped;

    SessionTimerUsage(InboundLeg leg) {
        this.leg = leg;
    }

    /** The timer in force, if any. */
    synchronized java.util.Optional<SessionTimer.Negotiation.Use> current() {
        return java.util.Optional.ofNullable(use);
    }

    /** The session (re)started or was refreshed with {@code negotiated} now. */
    void refreshed(SessionTimer.Negotiation.Use negotiated) {
        CallScheduler scheduler = leg.b2bua.scheduler();
        Instant now = scheduler.now();
        CallScheduler.Cancellable old;
        synchronized (this) {
            if (stopped) {
                return;
            }
            use = negotiated;
            old = task;
            task = null;
        }
        if (old != null) {
            old.cancel();
        }
        boolean weRefresh = negotiated.refresher() == SessionTimer.Refresher.UAS;
        Instant at = weRefresh ? SessionTimer.refreshAt(now, negotiated.seconds())
                : SessionTimer.expiryAt(now, negotiated.seconds());
        Duration delay = Duration.between(now, at);
        CallScheduler.Cancellable next = scheduler.schedule(delay, weRefresh ? this::refreshNow : this::expired);
        synchronized (this) {
            if (stopped) {
                next.cancel();
            } else {
                task = next;
            }
        }
    }

    private void refreshNow() {
        SessionTimer.Negotiation.Use u;
        synchronized (this) {
            if (stopped || use == null) {
                return;
            }
            u = use;
        }
        LOG.debug("{}: session refresh ({} s)", leg.describe(), u.seconds());
        leg.sendSessionRefresh(u);
        refreshed(u); // the next refresh is due N/2 from now whatever the answer; 408/481 end the call
    }

    private void expired() {
        SessionTimer.Negotiation.Use u;
        synchronized (this) {
            if (stopped || use == null) {
                return;
            }
            u = use;
            stopped = true;
        }
        LOG.info("{}: session expired (no refresh within {} s), BYE", leg.describe(), u.seconds());
        leg.sessionExpired();
    }

    /** The leg is gone: no more refreshes or expiry. */
    void stop() {
        CallScheduler.Cancellable t;
        synchronized (this) {
            stopped = true;
            t = task;
            task = null;
        }
        if (t != null) {
            t.cancel();
        }
    }
}
