package org.tollgate.callcontrol.engine;

import java.util.ArrayList;
import java.util.List;
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
 * Parallel hunt groups ({@code voice hunt-group N parallel}), the basic behaviour: a call to the
 * pilot rings every member at once (each through the first dial-peer for its number that LPCOR does
 * not reject); the caller hears ringback; the first member to answer is joined with the caller in a
 * new call and the others are released with cause 26 (non-selected user clearing); when every member
 * failed or the group timeout expires the call goes to the {@code final} number or is released
 * (busy 17 when all were busy, else 19). FAC is never invoked: members are reached without the
 * authorization step and the final number is routed as a FAC-exempt call (spec section 6).
 */
final class ParallelHuntRun {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelHuntRun.class);
    static final Q850Cause NON_SELECTED_USER_CLEARING = Q850Cause.of(26);

    private final CallControl calls;
    private final CallScheduler scheduler;

    ParallelHuntRun(CallControl calls, CallScheduler scheduler) {
        this.calls = calls;
        this.scheduler = scheduler;
    }

    CompletionStage<FeatureOutcome> start(Call call, Caller caller, String pilot) {
        CallSettings settings = calls.currentSettings();
        Optional<FeatureSettings.ParallelHunt> group = settings.features().parallelHunt(pilot);
        if (group.isEmpty()) {
            return CompletableFuture.completedFuture(new FeatureOutcome.Refused(Q850Cause.UNALLOCATED_NUMBER,
                    "no hunt group " + pilot));
        }
        return call.detach(LegId.incoming(call.ref())).thenApply(dl -> {
            if (dl.isEmpty()) {
                return new FeatureOutcome.Refused(Q850Cause.of(29), "caller gone");
            }
            call.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
            new Run(caller, dl.get(), group.get(), settings).ring();
            return new FeatureOutcome.Done(Optional.empty());
        });
    }

    /** One hunt in progress; its state is guarded by the run's monitor. */
    private final class Run {
        private final Caller caller;
        private final DetachedLeg callerLeg;
        private final FeatureSettings.ParallelHunt group;
        private final CallSettings settings;
        private final CallRef ref = calls.newRef();
        private final List<Member> members = new ArrayList<>();
        private boolean over;
        private boolean anyNotBusy;
        private CallScheduler.Cancellable timer = () -> { };

        private record Member(String number, DialPeer peer, DetachedLeg leg) {
        }

        Run(Caller caller, DetachedLeg callerLeg, FeatureSettings.ParallelHunt group, CallSettings settings) {
            this.caller = caller;
            this.callerLeg = callerLeg;
            this.group = group;
            this.settings = settings;
        }

        void ring() {
            callerLeg.retarget(LegEvents.onlyRelease(cause -> callerGone()));
            callerLeg.handle(new LegCommand.PlayTone(Tone.RINGBACK));
            int index = 2;
            for (String number : group.members()) {
                Optional<DialPeer> peer = route(number);
                if (peer.isEmpty()) {
                    continue;
                }
                LegId id = new LegId(ref, index++);
                Member[] self = new Member[1];
                LegRouter router = new LegRouter(memberEvents(self));
                LegFactory.Creation c = calls.legFactory().create(new OutgoingLegRequest(id, peer.get(), number,
                        caller.number(), caller.name()), router);
                if (c instanceof LegFactory.Created created) {
                    Member m = new Member(number, peer.get(), new DetachedLeg(created.leg(), router));
                    self[0] = m;
                    synchronized (this) {
                        members.add(m);
                    }
                    created.leg().handle(new LegCommand.Offer(number, caller.number(), caller.name()));
                } else if (c instanceof LegFactory.Failed f && !f.cause().equals(Q850Cause.USER_BUSY)) {
                    synchronized (this) {
                        anyNotBusy = true;
                    }
                }
            }
            synchronized (this) {
                if (members.isEmpty()) {
                    over = true;
                } else {
                    timer = scheduler.schedule(group.timeout(), this::timedOut);
                }
            }
            LOG.info("hunt group {}: {} rings {} member(s)", group.pilot(), caller.number(), members.size());
            if (members.isEmpty()) {
                unanswered(anyNotBusy ? Q850Cause.NO_ANSWER : Q850Cause.USER_BUSY);
            }
        }

        /** First matching dial-peer for {@code number} that LPCOR does not reject (no FAC step: exempt). */
        private Optional<DialPeer> route(String number) {
            if (!(settings.dialPlan().collect(number, true) instanceof CollectOutcome.Route r)) {
                return Optional.empty();
            }
            return r.candidates().stream()
                    .filter(p -> !(settings.lpcor().decide(caller.lpcorIncoming(), settings.calleeGroup(p))
                            instanceof LpcorDecision.Reject))
                    .findFirst();
        }

        private LegEvents memberEvents(Member[] self) {
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

        private void won(Member m) {
            List<Member> others;
            synchronized (this) {
                if (over || m == null) {
                    return;
                }
                over = true;
                timer.cancel();
                others = new ArrayList<>(members);
                others.remove(m);
            }
            others.forEach(o -> o.leg().handle(new LegCommand.Release(NON_SELECTED_USER_CLEARING)));
            m.leg().router().hold();
            callerLeg.router().hold();
            CallRef n = calls.startFeatureCall(caller, callerLeg, Optional.of(m.leg()), Optional.of(m.peer()),
                    m.number(), true, true, Optional.empty(), r -> null);
            LOG.info("hunt group {}: {} answered {}'s call, new call {}", group.pilot(), m.number(), caller.number(), n);
        }

        private void failed(Member m, Q850Cause cause) {
            boolean none;
            synchronized (this) {
                if (over || m == null || !members.remove(m)) {
                    return;
                }
                anyNotBusy |= !cause.equals(Q850Cause.USER_BUSY);
                none = members.isEmpty();
                if (none) {
                    over = true;
                    timer.cancel();
                }
            }
            if (none) {
                unanswered(anyNotBusy ? Q850Cause.NO_ANSWER : Q850Cause.USER_BUSY);
            }
        }

        private void timedOut() {
            List<Member> ringing;
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                ringing = List.copyOf(members);
            }
            ringing.forEach(o -> o.leg().handle(new LegCommand.Release(Q850Cause.NO_ANSWER)));
            unanswered(Q850Cause.NO_ANSWER);
        }

        /** Nobody answered: the final number (FAC-exempt), else the caller is released with {@code cause}. */
        private void unanswered(Q850Cause cause) {
            if (group.finalNumber().isPresent()) {
                callerLeg.router().hold();
                CallRef n = calls.startFeatureCall(caller, callerLeg, Optional.empty(), Optional.empty(),
                        group.finalNumber().get(), false, true, Optional.empty(), r -> null);
                LOG.info("hunt group {}: unanswered, {} sent to final {} (call {})", group.pilot(), caller.number(),
                        group.finalNumber().get(), n);
                return;
            }
            callerLeg.handle(new LegCommand.PlayTone(cause.equals(Q850Cause.USER_BUSY) ? Tone.BUSY : Tone.REORDER));
            callerLeg.handle(new LegCommand.Release(cause));
        }

        private void callerGone() {
            List<Member> ringing;
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                timer.cancel();
                ringing = List.copyOf(members);
            }
            ringing.forEach(o -> o.leg().handle(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING)));
        }
    }
}
