package org.tollgate.callcontrol.engine;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.call.CallEvent;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.internal.Call;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.media.AudioSink;
import org.tollgate.callcontrol.media.MediaCounters;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * Consult transfer by hook flash on a phone with one line (an analog port; CME
 * {@code transfer-system full-consult}): the flasher B dials C; B's one leg is lent to a new
 * <em>consult call</em> B→C (routed normally: B is asked for a FAC when B→C needs one) while A waits
 * unbridged in the original call. Then:
 * <ul>
 * <li>B hangs up while C is alerting or after C answered → A is joined with C (no FAC for A: the
 *     consult transfer rows of spec section 6); before that → both calls end.</li>
 * <li>B flashes → the consult call ends (C released) and B is back with A.</li>
 * <li>the consult call fails (C busy, C hangs up) → B hears the tone, its leg is kept: flash returns
 *     to A, hanging up ends A's call.</li>
 * </ul>
 * While lent, B's leg is wrapped: a {@code Release} from the consult call is swallowed (the port
 * stays off-hook for A), and B's hang-up / flash are taken here instead of reaching the consult call.
 */
final class FlashConsult {
    private static final Logger LOG = LoggerFactory.getLogger(FlashConsult.class);

    private final CallControl calls;
    private final CallScheduler scheduler;

    FlashConsult(CallControl calls, CallScheduler scheduler) {
        this.calls = calls;
        this.scheduler = scheduler;
    }

    void start(Call original, LegId consulter, LegId held, String number) {
        FeatureService.legsOf(original).thenAccept(p -> {
            if (p.isEmpty()) {
                original.deliver(new CallEvent.FeatureDone(Optional.of(Q850Cause.of(29))));
                return;
            }
            Caller consulterParty = p.get().partyOf(consulter);
            Caller heldParty = p.get().partyOf(held);
            original.detach(consulter).thenAccept(dl -> {
                if (dl.isEmpty()) {
                    original.deliver(new CallEvent.FeatureDone(Optional.of(Q850Cause.of(29))));
                    return;
                }
                Session s = new Session(original, consulter, held, dl.get(), consulterParty, heldParty);
                DetachedLeg lent = new DetachedLeg(s.wrapper, dl.get().router());
                s.consult = calls.startFeatureCall(consulterParty, lent, Optional.empty(), Optional.empty(), number,
                        false, false, Optional.empty(), ref -> null, s::events);
                LOG.info("{}: {} consults {} (call {}) while {} waits", original.ref(), consulterParty.number(), number,
                        s.consult, heldParty.number());
            });
        });
    }

    /** One consult in progress. */
    private final class Session {
        final Call original;
        final LegId consulterLeg;
        final LegId heldLeg;
        final DetachedLeg consulter;
        final Caller consulterParty;
        final Caller heldParty;
        final AtomicBoolean finished = new AtomicBoolean();
        volatile CallRef consult;
        final LegSignaling wrapper;

        Session(Call original, LegId consulterLeg, LegId heldLeg, DetachedLeg consulter, Caller consulterParty,
                Caller heldParty) {
            this.original = original;
            this.consulterLeg = consulterLeg;
            this.heldLeg = heldLeg;
            this.consulter = consulter;
            this.consulterParty = consulterParty;
            this.heldParty = heldParty;
            LegSignaling real = consulter.signaling();
            this.wrapper = new LegSignaling() {
                @Override
                public void handle(LegCommand command) {
                    if (!(command instanceof LegCommand.Release)) {
                        real.handle(command);
                    }
                }

                @Override
                public Optional<AudioSink> audioToUser() {
                    return real.audioToUser();
                }

                @Override
                public void connectAudio(AudioSink peer) {
                    real.connectAudio(peer);
                }

                @Override
                public void disconnectAudio() {
                    real.disconnectAudio();
                }

                @Override
                public Optional<MediaCounters> counters() {
                    return real.counters();
                }

                @Override
                public String describe() {
                    return real.describe() + " (consulting)";
                }
            };
        }

        /** What B's leg reports during the consult: digits to the consult call, flash and hang-up here. */
        LegEvents events(LegEvents consultCall) {
            return new LegEvents() {
                @Override
                public void digits(String digits) {
                    consultCall.digits(digits);
                }

                @Override
                public void alerting() {
                }

                @Override
                public void answered() {
                }

                @Override
                public void released(Q850Cause cause) {
                    complete();
                }

                @Override
                public void flash() {
                    cancel();
                }
            };
        }

        private Optional<Call> consultCall() {
            return consult == null ? Optional.empty() : calls.call(consult);
        }

        /** B flashed: end the consult call, B back with A. */
        void cancel() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            consultCall().ifPresent(c -> c.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING)));
            consulter.signaling().disconnectAudio();
            original.reattach(consulterLeg, consulter).thenAccept(ok -> {
                if (ok) {
                    original.deliver(new CallEvent.FeatureDone(Optional.of(Q850Cause.NORMAL_CALL_CLEARING)));
                } else {
                    consulter.handle(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING));
                }
            });
            LOG.info("{}: consult cancelled, {} back with {}", original.ref(), consulterParty.number(),
                    heldParty.number());
        }

        /** B hung up: join A with C when C is alerting or answered, else end both calls. */
        void complete() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            Optional<Call> k = consultCall();
            if (k.isEmpty()) {
                original.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                return;
            }
            Call c2 = k.get();
            FeatureService.legsOf(c2).thenAccept(q -> {
                if (q.isEmpty() || !(q.get().alerting() || q.get().answered())) {
                    c2.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                    original.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                    return;
                }
                // the target first: its answer is then either handled by the consult call before it
                // leaves (seen in the taken parties) or held for the new call
                FeatureService.takeTarget(c2, q.get().out()).thenCombine(original.detach(heldLeg), (t, a) -> {
                    @SuppressWarnings("unchecked")
                    Optional<DetachedLeg>[] legs = new Optional[] {a, t.map(Call.Taken::leg)};
                    if (a.isEmpty() || t.isEmpty()) {
                        return FeatureService.giveUp(legs, "a party left during the transfer", original, c2);
                    }
                    FeatureService.Parties target = t.get().seen();
                    original.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                    c2.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                    CallRef from = original.ref();
                    CallRef n = calls.startFeatureCall(heldParty, a.get(), legs[1], Optional.of(target.peer()),
                            target.called(), target.answered(), false, Optional.empty(),
                            ref -> new FeatureRecordEvent.Transferred(ref, scheduler.now(), false,
                                    consulterParty.number(), heldParty.number(), target.called(), from,
                                    Optional.of(consult)));
                    LOG.info("{}: consult transfer by hook flash: {} to {}, new call {}", from, heldParty.number(),
                            target.called(), n);
                    return null;
                });
            });
        }
    }
}
