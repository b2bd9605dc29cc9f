package org.tollgate.callcontrol.engine;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.call.CallEvent;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.internal.Call;
import org.tollgate.callcontrol.engine.internal.LegRouter;
import org.tollgate.callcontrol.feature.FeatureOutcome;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.OutgoingLegRequest;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.lpcor.LpcorDecision;
import org.tollgate.callcontrol.routing.CollectOutcome;
import org.tollgate.callcontrol.routing.DialPeer;

/**
 * Whisper intercom, the basic behaviour: a call from an ephone-dn line with {@code intercom N} to N is
 * offered to N with {@link LegCommand.Offer#autoAnswer()} set, through the first dial-peer for N that
 * LPCOR does not reject, without the FAC step (FAC is never invoked for whisper intercom, spec section
 * 6). The leg answers by itself where it can (an analog port with the simulated phone: at once, and the
 * target's audio reaches the caller only once the target speaks); elsewhere it rings like a plain call.
 * When the target answers, caller and target are joined in a new call; when it fails the caller is
 * released with the target's cause (no forward, no hunting).
 */
final class IntercomRun {
    private static final Logger LOG = LoggerFactory.getLogger(IntercomRun.class);

    private final CallControl calls;

    IntercomRun(CallControl calls) {
        this.calls = calls;
    }

    CompletionStage<FeatureOutcome> start(Call call, Caller caller, String number) {
        CallSettings settings = calls.currentSettings();
        Optional<DialPeer> peer = route(settings, caller, number);
        if (peer.isEmpty()) {
            return CompletableFuture.completedFuture(new FeatureOutcome.Refused(Q850Cause.NO_ROUTE_TO_DESTINATION,
                    "intercom " + number + ": no dial-peer LPCOR accepts"));
        }
        return call.detach(LegId.incoming(call.ref())).thenApply(dl -> {
            if (dl.isEmpty()) {
                return new FeatureOutcome.Refused(Q850Cause.of(29), "caller gone");
            }
            call.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
            new Run(caller, dl.get(), number, peer.get()).offer();
            return new FeatureOutcome.Done(Optional.empty());
        });
    }

    private static Optional<DialPeer> route(CallSettings settings, Caller caller, String number) {
        if (!(settings.dialPlan().collect(number, true) instanceof CollectOutcome.Route r)) {
            return Optional.empty();
        }
        return r.candidates().stream()
                .filter(p -> !(settings.lpcor().decide(caller.lpcorIncoming(), settings.calleeGroup(p))
                        instanceof LpcorDecision.Reject))
                .findFirst();
    }

    /** One intercom call being offered; its state is guarded by the run's monitor. */
    private final class Run {
        private final Caller caller;
        private final DetachedLeg callerLeg;
        private final String number;
        private final DialPeer peer;
        private final CallRef ref = calls.newRef();
        private DetachedLeg target;
        private boolean over;

        Run(Caller caller, DetachedLeg callerLeg, String number, DialPeer peer) {
            this.caller = caller;
            this.callerLeg = callerLeg;
            this.number = number;
            this.peer = peer;
        }

        void offer() {
            callerLeg.retarget(LegEvents.onlyRelease(cause -> callerGone()));
            callerLeg.handle(new LegCommand.PlayTone(Tone.RINGBACK));
            LegRouter router = new LegRouter(events());
            LegFactory.Creation c = calls.legFactory().create(new OutgoingLegRequest(new LegId(ref, 2), peer, number,
                    caller.number(), caller.name()), router);
            switch (c) {
                case LegFactory.Created created -> {
                    synchronized (this) {
                        target = new DetachedLeg(created.leg(), router);
                    }
                    LOG.info("intercom: {} calls {}", caller.number(), number);
                    created.leg().handle(new LegCommand.Offer(number, caller.number(), caller.name(), true));
                }
                case LegFactory.Failed f -> {
                    synchronized (this) {
                        over = true;
                    }
                    LOG.info("intercom: {} to {} failed, cause {}", caller.number(), number, f.cause().value());
                    release(f.cause());
                }
            }
        }

        private LegEvents events() {
            return new LegEvents() {
                @Override
                public void digits(String digits) {
                }

                @Override
                public void alerting() {
                }

                @Override
                public void answered() {
                    joined();
                }

                @Override
                public void released(Q850Cause cause) {
                    failed(cause);
                }

                @Override
                public void flash() {
                }
            };
        }

        private void joined() {
            DetachedLeg t;
            synchronized (this) {
                if (over || target == null) {
                    return;
                }
                over = true;
                t = target;
            }
            t.router().hold();
            callerLeg.router().hold();
            CallRef n = calls.startFeatureCall(caller, callerLeg, Optional.of(t), Optional.of(peer), number, true,
                    true, Optional.empty(), r -> null);
            LOG.info("intercom: {} answered {}'s intercom call, new call {}", number, caller.number(), n);
        }

        private void failed(Q850Cause cause) {
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
            }
            release(cause);
        }

        private void release(Q850Cause cause) {
            callerLeg.handle(new LegCommand.PlayTone(cause.equals(Q850Cause.USER_BUSY) ? Tone.BUSY : Tone.REORDER));
            callerLeg.handle(new LegCommand.Release(cause));
        }

        private void callerGone() {
            DetachedLeg t;
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                t = target;
            }
            if (t != null) {
                t.handle(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING));
            }
        }
    }
}
