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
import org.tollgate.callcontrol.feature.FeatureSettings;
import org.tollgate.callcontrol.feature.forward.ForwardKind;
import org.tollgate.callcontrol.feature.forward.ForwardTable;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.OutgoingLegRequest;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.lpcor.LpcorDecision;
import org.tollgate.callcontrol.routing.CollectOutcome;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * Single number reach ({@code snr N delay D timeout T} on a directory number), the basic behaviour,
 * built like {@link ParallelHuntRun}: a call to the directory number rings the desk at once; D after
 * that it also rings the remote number N; the first to answer is joined with the caller in a new call
 * and the other leg is released with cause 26 (non-selected user clearing). The remote number rings
 * for at most T (then it is released with cause 19); the desk keeps ringing until the caller hangs up,
 * or until the directory number's {@code call-forward noan} timeout, when the call goes to the forward
 * target as a new call. When the desk fails (busy, unreachable) before D, the remote number rings at
 * once. When no leg is left ringing the caller is released (17 when the desk was busy, else 19).
 *
 * <p>FAC is never invoked for an SNR call (spec section 6): the desk and the remote number are reached
 * without the authorization step, each through the first dial-peer for its number that LPCOR does not
 * reject (so LPCOR still applies; a rejected remote number is simply not rung).
 */
final class SnrRun {
    private static final Logger LOG = LoggerFactory.getLogger(SnrRun.class);

    private final CallControl calls;
    private final CallScheduler scheduler;

    SnrRun(CallControl calls, CallScheduler scheduler) {
        this.calls = calls;
        this.scheduler = scheduler;
    }

    CompletionStage<FeatureOutcome> start(Call call, Caller caller, String number) {
        CallSettings settings = calls.currentSettings();
        Optional<FeatureSettings.SingleNumberReach> snr = settings.features().singleNumberReach(number);
        if (snr.isEmpty()) {
            return CompletableFuture.completedFuture(new FeatureOutcome.Refused(Q850Cause.UNALLOCATED_NUMBER,
                    "no single number reach on " + number));
        }
        return call.detach(LegId.incoming(call.ref())).thenApply(dl -> {
            if (dl.isEmpty()) {
                return new FeatureOutcome.Refused(Q850Cause.of(29), "caller gone");
            }
            call.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
            new Run(caller, dl.get(), snr.get(), settings).ring();
            return new FeatureOutcome.Done(Optional.empty());
        });
    }

    /** One SNR call in progress; its state is guarded by the run's monitor. */
    private final class Run {
        private final Caller caller;
        private final DetachedLeg callerLeg;
        private final FeatureSettings.SingleNumberReach snr;
        private final CallSettings settings;
        private final CallRef ref = calls.newRef();
        private Target desk;
        private Target remote;
        private boolean remoteTried;
        private boolean deskBusy;
        private boolean over;
        private CallScheduler.Cancellable remoteStart = () -> { };
        private CallScheduler.Cancellable remoteStop = () -> { };
        private CallScheduler.Cancellable deskNoAnswer = () -> { };

        private record Target(String number, DialPeer peer, DetachedLeg leg) {
        }

        Run(Caller caller, DetachedLeg callerLeg, FeatureSettings.SingleNumberReach snr, CallSettings settings) {
            this.caller = caller;
            this.callerLeg = callerLeg;
            this.snr = snr;
            this.settings = settings;
        }

        void ring() {
            callerLeg.retarget(LegEvents.onlyRelease(cause -> callerGone()));
            callerLeg.handle(new LegCommand.PlayTone(Tone.RINGBACK));
            Optional<ForwardTable.Target> noAnswer = settings.features().forwards()
                    .lookup(snr.number(), ForwardKind.NO_ANSWER);
            Optional<Target> d = place(snr.number(), 2);
            LOG.info("snr {}: {} rings the desk{}, remote {} in {}", snr.number(), caller.number(),
                    d.isPresent() ? "" : " (failed)", snr.remote(), snr.delay());
            synchronized (this) {
                desk = d.orElse(null);
                if (desk != null) {
                    remoteStart = scheduler.schedule(snr.delay(), this::ringRemote);
                    noAnswer.ifPresent(t -> deskNoAnswer = scheduler.schedule(t.timeout(), () -> deskUnanswered(t)));
                }
            }
            if (d.isEmpty()) {
                ringRemote();
            }
        }

        private void ringRemote() {
            synchronized (this) {
                if (over || remoteTried) {
                    return;
                }
                remoteTried = true;
                remoteStart.cancel();
            }
            Optional<Target> r = place(snr.remote(), 3);
            boolean none;
            synchronized (this) {
                remote = r.orElse(null);
                if (remote != null) {
                    remoteStop = scheduler.schedule(snr.timeout(), this::remoteTimedOut);
                }
                none = !over && desk == null && remote == null;
                over |= none;
            }
            LOG.info("snr {}: remote {} {}", snr.number(), snr.remote(), r.isPresent() ? "rings" : "not reachable");
            if (none) {
                unanswered();
            }
        }

        /** Offers the call to {@code number} through the first dial-peer LPCOR does not reject (FAC-exempt). */
        private Optional<Target> place(String number, int index) {
            Optional<DialPeer> peer = route(number);
            if (peer.isEmpty()) {
                return Optional.empty();
            }
            Target[] self = new Target[1];
            LegRouter router = new LegRouter(events(self));
            LegFactory.Creation c = calls.legFactory().create(new OutgoingLegRequest(new LegId(ref, index), peer.get(),
                    number, caller.number(), caller.name()), router);
            if (c instanceof LegFactory.Created created) {
                Target t = new Target(number, peer.get(), new DetachedLeg(created.leg(), router));
                self[0] = t;
                created.leg().handle(new LegCommand.Offer(number, caller.number(), caller.name()));
                return Optional.of(t);
            }
            if (c instanceof LegFactory.Failed f && f.cause().equals(Q850Cause.USER_BUSY) && index == 2) {
                synchronized (this) {
                    deskBusy = true;
                }
            }
            return Optional.empty();
        }

        private Optional<DialPeer> route(String number) {
            if (!(settings.dialPlan().collect(number, true) instanceof CollectOutcome.Route r)) {
                return Optional.empty();
            }
            return r.candidates().stream()
                    .filter(p -> !(settings.lpcor().decide(caller.lpcorIncoming(), settings.calleeGroup(p))
                            instanceof LpcorDecision.Reject))
                    .findFirst();
        }

        private LegEvents events(Target[] self) {
            return new LegEvents() {
                @Override
                public void digits(String digits) {
                }

                @Override
                public void alerting() {
                }

                @Override
                public void answered() {
                    won(self[0]);
                }

                @Override
                public void released(Q850Cause cause) {
                    failed(self[0], cause);
                }

                @Override
                public void flash() {
                }
            };
        }

        private void cancelTimers() {
            remoteStart.cancel();
            remoteStop.cancel();
            deskNoAnswer.cancel();
        }

        private void won(Target t) {
            Target other;
            synchronized (this) {
                if (over || t == null || (t != desk && t != remote)) {
                    return;
                }
                over = true;
                cancelTimers();
                other = t == desk ? remote : desk;
            }
            if (other != null) {
                other.leg().handle(new LegCommand.Release(ParallelHuntRun.NON_SELECTED_USER_CLEARING));
            }
            t.leg().router().hold();
            callerLeg.router().hold();
            CallRef n = calls.startFeatureCall(caller, callerLeg, Optional.of(t.leg()), Optional.of(t.peer()),
                    t.number(), true, true, Optional.empty(), r -> null);
            LOG.info("snr {}: {} answered {}'s call, new call {}", snr.number(), t.number(), caller.number(), n);
        }

        private void failed(Target t, Q850Cause cause) {
            boolean startRemote;
            boolean none;
            synchronized (this) {
                if (over || t == null) {
                    return;
                }
                if (t == desk) {
                    desk = null;
                    deskBusy |= cause.equals(Q850Cause.USER_BUSY);
                } else if (t == remote) {
                    remote = null;
                    remoteStop.cancel();
                } else {
                    return;
                }
                startRemote = !remoteTried;
                none = remoteTried && desk == null && remote == null;
                over |= none;
            }
            if (startRemote) {
                ringRemote();
            } else if (none) {
                unanswered();
            }
        }

        private void remoteTimedOut() {
            Target r;
            boolean none;
            synchronized (this) {
                if (over || remote == null) {
                    return;
                }
                r = remote;
                remote = null;
                none = desk == null;
                over |= none;
            }
            r.leg().handle(new LegCommand.Release(Q850Cause.NO_ANSWER));
            LOG.info("snr {}: remote {} unanswered after {}", snr.number(), snr.remote(), snr.timeout());
            if (none) {
                unanswered();
            }
        }

        /** The desk's {@code call-forward noan} timeout: every leg is released, the call goes to the target. */
        private void deskUnanswered(ForwardTable.Target target) {
            Target d;
            Target r;
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                cancelTimers();
                d = desk;
                r = remote;
            }
            for (Target t : new Target[] {d, r}) {
                if (t != null) {
                    t.leg().handle(new LegCommand.Release(Q850Cause.NO_ANSWER));
                }
            }
            callerLeg.router().hold();
            CallRef n = calls.startFeatureCall(caller, callerLeg, Optional.empty(), Optional.empty(), target.number(),
                    false, false, Optional.empty(), r2 -> null);
            LOG.info("snr {}: unanswered, {} forwarded (noan) to {} (call {})", snr.number(), caller.number(),
                    target.number(), n);
        }

        private void unanswered() {
            boolean busy;
            synchronized (this) {
                cancelTimers();
                busy = deskBusy;
            }
            callerLeg.handle(new LegCommand.PlayTone(busy ? Tone.BUSY : Tone.REORDER));
            callerLeg.handle(new LegCommand.Release(busy ? Q850Cause.USER_BUSY : Q850Cause.NO_ANSWER));
        }

        private void callerGone() {
            Target d;
            Target r;
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                cancelTimers();
                d = desk;
                r = remote;
            }
            for (Target t : new Target[] {d, r}) {
                if (t != null) {
                    t.leg().handle(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING));
                }
            }
        }
    }
}
