package org.tollgate.callcontrol.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.call.CallEvent;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallState;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.call.Hunt;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.internal.Call;
import org.tollgate.callcontrol.feature.FeatureOutcome;
import org.tollgate.callcontrol.feature.FeatureRequest;
import org.tollgate.callcontrol.feature.FeatureSettings;
import org.tollgate.callcontrol.feature.Side;
import org.tollgate.callcontrol.feature.conference.ConferenceBridge;
import org.tollgate.callcontrol.feature.forward.ForwardKind;
import org.tollgate.callcontrol.feature.forward.ForwardRegistry;
import org.tollgate.callcontrol.feature.forward.ForwardTable;
import org.tollgate.callcontrol.feature.park.ParkLot;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.routing.DestinationPattern;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPeerTarget;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * Supplementary services across calls: transfer (blind and consult), ad-hoc and meet-me
 * conference, park / retrieve / recall, group and directed pickup, call-forward set from phones,
 * and FAC-exempt feature calls (SNR, 3pcc, parallel hunt, whisper intercom). Legs move between
 * calls without being released ({@link DetachedLeg}); the parties are then joined in a <em>new</em>
 * call, so every CDR leg belongs to exactly one call and a feature record ties them together.
 *
 * <h2>FAC (spec section 6)</h2>
 * <ul>
 * <li>Blind transfer: the transferee is routed to the target in a new call: asked for a FAC when
 *     transferee→target needs one (the new call holds no FAC).</li>
 * <li>{@link #redirect}: a SIP 302 / call-forward by the edge keeps the caller leg's FAC status;
 *     a SIP-NOTIFY-triggered new call does not and asks the same caller again (the seed's restriction).</li>
 * <li>Consult transfer: the transferor's consult call routes normally (transferor asked, cases 1, 2);
 *     completion (target alerting or answered) joins the transferee to the target without any FAC
 *     (cases 1–3 and the connected case). Completion before the consult call is alerting is refused.</li>
 * <li>Conference, meet-me, park retrieve, park recall, pickup: never asked; recall and the
 *     FAC-exempt feature calls treat {@code accept G fac} as {@code accept G}.</li>
 * </ul>
 * All operations are asynchronous (each call's mailbox does its part) and return a
 * {@link FeatureOutcome}; with the {@code ManualScheduler} in tests they complete before returning.
 */
public final class FeatureService implements FeatureHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureService.class);
    private static final Q850Cause FACILITY_REJECTED = Q850Cause.of(29);

    private final CallControl calls;
    private final CallScheduler scheduler;
    private final FeatureRecordSink records;
    private final ForwardRegistry forwards = new ForwardRegistry();
    private final ParkLot parkLot = new ParkLot();
    private final Map<String, ConferenceBridge> meetMe = new ConcurrentHashMap<>();
    private final Map<String, ConferenceBridge> adHoc = new ConcurrentHashMap<>();
    private final AtomicLong conferenceIds = new AtomicLong();
    private final FlashConsult flashConsult;
    private final ParallelHuntRun parallelHunt;
    private final SnrRun singleNumberReach;
    private final IntercomRun intercom;

    FeatureService(CallControl calls, CallScheduler scheduler, FeatureRecordSink records) {
        this.calls = calls;
        this.scheduler = scheduler;
        this.records = records;
        this.flashConsult = new FlashConsult(calls, scheduler);
        this.parallelHunt = new ParallelHuntRun(calls, scheduler);
        this.singleNumberReach = new SnrRun(calls, scheduler);
        this.intercom = new IntercomRun(calls);
    }

    /** Forwards set from phones (feature codes or the SIP edge). */
    public ForwardRegistry forwards() {
        return forwards;
    }

    /** The park slots in use. */
    public ParkLot parkLot() {
        return parkLot;
    }

    /** The live meet-me (by number) and ad-hoc (by id) conferences. */
    public Map<String, ConferenceBridge> conferences() {
        Map<String, ConferenceBridge> all = new java.util.HashMap<>(adHoc);
        all.putAll(meetMe);
        return Map.copyOf(all);
    }

    // ---- public API (SIP edge: REFER, 302, NOTIFY; CLI) ----------------------------------------

    /**
     * Blind transfer (SIP REFER without Replaces from the {@code transferor} side): the other party
     * is sent to {@code number} in a new call, asked for a FAC when it needs one; the transferor's
     * leg is released with normal clearing.
     */
    public CompletionStage<FeatureOutcome> blindTransfer(CallRef call, Side transferor, String number) {
        return withCall(call, c -> legsOf(c).thenCompose(p -> p.isEmpty() ? refused("call has no two parties")
                : blind(c, p.get().leg(transferor), p.get().leg(transferor.other()), number, Optional.empty(), false)));
    }

    /**
     * The caller of {@code call} is re-routed to {@code number} (SIP 302 from the called phone, or the
     * edge acting on a forward): the caller leg keeps its FAC status; with {@code notifyTriggeredNewCall}
     * (a SIP NOTIFY-triggered new call in forward / blind transfer) it does not and the caller is asked
     * again when caller→number needs a FAC (spec section 6, restriction).
     */
    public CompletionStage<FeatureOutcome> redirect(CallRef call, String number, boolean notifyTriggeredNewCall) {
        return withCall(call, c -> c.inMailbox(s -> s).thenCompose(s -> {
            Optional<String> fac = notifyTriggeredNewCall ? Optional.empty() : s.data().validFac();
            return legsOf(c).thenCompose(p -> p.isEmpty() ? refused("call has no two parties")
                    : blind(c, p.get().leg(Side.CALLED), p.get().leg(Side.CALLER), number, fac, true));
        }));
    }

    /**
     * Consult transfer (SIP REFER with Replaces; the transferor's two dialogs): the {@code transferor}
     * side of {@code original} is replaced by the target of the transferor's {@code consult} call
     * (alerting or answered). Nobody is asked for a FAC here: the transferor already was, in the
     * consult call, if transferor→target needs one (spec section 6, consult transfer rows).
     * Refused while the consult call is not yet alerting (e.g. the transferor still owes the FAC).
     */
    public CompletionStage<FeatureOutcome> consultTransfer(CallRef original, Side transferor, CallRef consult) {
        Optional<Call> o = calls.call(original);
        Optional<Call> k = calls.call(consult);
        if (o.isEmpty() || k.isEmpty()) {
            return refused("no such call");
        }
        return legsOf(o.get()).thenCombine(legsOf(k.get()), TwoCalls::new)
                .thenCompose(pair -> {
                    Optional<Parties> op = pair.original();
                    Optional<Parties> kp = pair.consult();
                    if (op.isEmpty()) {
                        return refused("original call has no two parties");
                    }
                    if (kp.isEmpty() || !(kp.get().alerting() || kp.get().answered())) {
                        return refused("consult call is not alerting or connected yet");
                    }
                    Parties p = op.get();
                    Parties q = kp.get();
                    LegId transferee = p.leg(transferor.other());
                    Caller transfereeParty = p.party(transferor.other());
                    String transferorNumber = p.party(transferor).number();
                    // the target first: its answer is then either handled by the consult call before
                    // it leaves (seen in the taken parties) or held for the new call
                    return takeTarget(k.get(), q.out()).thenCombine(o.get().detach(transferee), (target, a) -> {
                        @SuppressWarnings("unchecked")
                        Optional<DetachedLeg>[] legs = new Optional[] {a, target.map(Call.Taken::leg)};
                        if (legs[0].isEmpty() || legs[1].isEmpty()) {
                            return giveUp(legs, "a party left during the transfer", o.get(), k.get());
                        }
                        Parties now = target.get().seen();
                        o.get().deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                        k.get().deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                        CallRef n = calls.startFeatureCall(transfereeParty, legs[0].get(), legs[1],
                                Optional.of(now.peer()), now.called(), now.answered(), false, Optional.empty(),
                                ref -> new FeatureRecordEvent.Transferred(ref, scheduler.now(), false, transferorNumber,
                                        transfereeParty.number(), now.called(), original, Optional.of(consult)));
                        LOG.info("consult transfer: {} to {} ({}), new call {}", transfereeParty.number(), now.called(),
                                now.answered() ? "answered" : "alerting", n);
                        return (FeatureOutcome) new FeatureOutcome.Done(Optional.of(n));
                    });
                });
    }

    /**
     * Ad-hoc three-party conference: the {@code initiator} of {@code original}, who holds the answered
     * {@code consult} call, joins the other party of {@code original}, itself (its consult leg) and the
     * consult target in a software conference; its leg in {@code original} is released. No FAC.
     */
    public CompletionStage<FeatureOutcome> conference(CallRef original, Side initiator, CallRef consult) {
        return conference(original, initiator, consult, Optional.empty());
    }

    /**
     * Ad-hoc three-party conference as {@link #conference(CallRef, Side, CallRef)}; with
     * {@code initiatorLeg} (a leg of no call, from {@link #adopt}: the initiator's dialog with an
     * RFC 4579 conference focus) the initiator takes part through that leg instead, and both its
     * legs (in {@code original} and in {@code consult}) are released. The initiator must be the
     * caller of {@code consult}. No FAC is asked of anyone (spec section 6, ad-hoc conference).
     */
    public CompletionStage<FeatureOutcome> conference(CallRef original, Side initiator, CallRef consult,
                                                      Optional<DetachedLeg> initiatorLeg) {
        Optional<Call> o = calls.call(original);
        Optional<Call> k = calls.call(consult);
        if (o.isEmpty() || k.isEmpty() || original.equals(consult)) {
            return refused("no such call");
        }
        return legsOf(o.get()).thenCombine(legsOf(k.get()), TwoCalls::new)
                .thenCompose(pair -> {
                    Optional<Parties> op = pair.original();
                    Optional<Parties> kp = pair.consult();
                    if (op.isEmpty() || kp.isEmpty() || !kp.get().answered()) {
                        return refused("both calls must be connected");
                    }
                    Parties p = op.get();
                    Parties q = kp.get();
                    CompletableFuture<Optional<DetachedLeg>> initiatorsOwn = initiatorLeg.isPresent()
                            ? CompletableFuture.completedFuture(initiatorLeg)
                            : k.get().detach(q.in());
                    return both(o.get().detach(p.leg(initiator.other())), initiatorsOwn)
                            .thenCompose(first -> k.get().detach(q.out()).thenApply(third -> {
                                @SuppressWarnings("unchecked")
                                Optional<DetachedLeg>[] legs = new Optional[] {first[0], first[1], third};
                                if (legs[0].isEmpty() || legs[1].isEmpty() || legs[2].isEmpty()) {
                                    return giveUp(legs, "a party left before the conference", o.get(), k.get());
                                }
                                o.get().deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                                k.get().deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                                String id = "conf-" + conferenceIds.incrementAndGet();
                                ConferenceBridge bridge = new ConferenceBridge(id, false, 3, scheduler, records,
                                        b -> adHoc.remove(b.id()));
                                adHoc.put(id, bridge);
                                bridge.join(legs[0].get(), p.party(initiator.other()).number(), original);
                                bridge.join(legs[1].get(), q.party(Side.CALLER).number(), consult);
                                bridge.join(legs[2].get(), q.called(), consult);
                                return (FeatureOutcome) new FeatureOutcome.Done(Optional.empty());
                            }));
                });
    }

    /**
     * Takes a leg that belongs to no call (the gateway's side of a dialog it answered itself, such as
     * an RFC 4579 conference focus dialog) for a later {@link #conference(CallRef, Side, CallRef,
     * Optional)}: bind the leg to the returned {@link DetachedLeg#events()}; its events are held until
     * a conference takes it. Releasing it before then is the caller's business.
     */
    public DetachedLeg adopt(org.tollgate.callcontrol.leg.LegSignaling leg) {
        org.tollgate.callcontrol.engine.internal.LegRouter router =
                new org.tollgate.callcontrol.engine.internal.LegRouter(LegEvents.IGNORED);
        router.hold();
        return new DetachedLeg(leg, router);
    }

    /**
     * A new party takes the {@code replaced} side's place in the connected {@code call} (SIP INVITE
     * with {@code Replaces} naming a confirmed dialog, RFC 3891: attended transfer completed from the
     * target's side). The other party is joined with {@code newLeg} (answered) in a new call; the
     * replaced leg is released with normal clearing. Nobody is asked for a FAC, as in the consult
     * transfer completed after answer (spec section 6). {@code bind} receives the events the new leg
     * must deliver to, before anything else happens (they are held until the new call owns the leg).
     * Refused (nothing changes, {@code newLeg} stays unused) when the call is not connected.
     * Records {@code Transferred} ({@code CXFER}): transferor = the replaced party, transferee = the
     * other party, target = {@code newParty}.
     */
    public CompletionStage<FeatureOutcome> replace(CallRef call, Side replaced, Caller newParty,
                                                   org.tollgate.callcontrol.leg.LegSignaling newLeg,
                                                   java.util.function.Consumer<org.tollgate.callcontrol.leg.LegEvents> bind) {
        org.tollgate.callcontrol.engine.internal.LegRouter router =
                new org.tollgate.callcontrol.engine.internal.LegRouter(LegEvents.IGNORED);
        router.hold();
        bind.accept(router);
        return withCall(call, c -> legsOf(c).thenCompose(p -> {
            if (p.isEmpty() || !p.get().answered()) {
                return refused("call is not connected");
            }
            Parties parties = p.get();
            Caller stayer = parties.party(replaced.other());
            String replacedNumber = parties.party(replaced).number();
            return c.detach(parties.leg(replaced.other())).thenApply(dl -> {
                if (dl.isEmpty()) {
                    return new FeatureOutcome.Refused(FACILITY_REJECTED, "the other party left");
                }
                c.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                CallRef n = calls.startFeatureCall(stayer, dl.get(), Optional.of(new DetachedLeg(newLeg, router)),
                        Optional.of(featurePeer(newParty)), newParty.number(), true, false, Optional.empty(),
                        ref -> new FeatureRecordEvent.Transferred(ref, scheduler.now(), false, replacedNumber,
                                stayer.number(), newParty.number(), call, Optional.empty()));
                LOG.info("{}: {} replaced {} (with {}), new call {}", call, newParty.number(), replacedNumber,
                        stayer.number(), n);
                return (FeatureOutcome) new FeatureOutcome.Done(Optional.of(n));
            });
        }));
    }

    /**
     * Directed pickup of exactly the call {@code ringing} (SIP: an INVITE with {@code Replaces} naming
     * the early dialog of that call's ringing phone, RFC 3891): its caller is connected to
     * {@code picker} on {@code newLeg} in a new call, already answered; the ringing leg is cancelled
     * (normal clearing). No FAC (spec section 6, pickup). {@code bind} receives the events
     * {@code newLeg} must deliver to before anything else happens. Refused (nothing changes,
     * {@code newLeg} stays unused) when the call is not ringing (answered or gone meanwhile).
     * Records {@code PickedUp} (directed).
     */
    public CompletionStage<FeatureOutcome> pickup(CallRef ringing, Caller picker,
                                                  org.tollgate.callcontrol.leg.LegSignaling newLeg,
                                                  java.util.function.Consumer<LegEvents> bind) {
        org.tollgate.callcontrol.engine.internal.LegRouter router =
                new org.tollgate.callcontrol.engine.internal.LegRouter(LegEvents.IGNORED);
        router.hold();
        bind.accept(router);
        return withCall(ringing, x -> x.inMailbox(s -> s instanceof CallState.Alerting a ? Optional.of(a)
                        : Optional.<CallState.Alerting>empty())
                .thenCompose(a -> {
                    if (a.isEmpty()) {
                        return refused(FACILITY_REJECTED, "call " + ringing + " is not ringing");
                    }
                    Caller caller = a.get().data().caller();
                    String ringingNumber = a.get().hunt().called();
                    return x.detach(LegId.incoming(x.ref())).thenApply(dl -> {
                        if (dl.isEmpty()) {
                            return new FeatureOutcome.Refused(FACILITY_REJECTED, "the caller left");
                        }
                        x.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                        CallRef n = calls.startFeatureCall(caller, dl.get(), Optional.of(new DetachedLeg(newLeg, router)),
                                Optional.of(featurePeer(picker)), picker.number(), true, false, Optional.empty(),
                                ref -> new FeatureRecordEvent.PickedUp(ref, scheduler.now(), picker.number(),
                                        ringingNumber, true, x.ref()));
                        LOG.info("{}: {} picked up the call ringing at {} (directed, by dialog), new call {}", x.ref(),
                                picker.number(), ringingNumber, n);
                        return (FeatureOutcome) new FeatureOutcome.Done(Optional.of(n));
                    });
                }));
    }

    /** Parks the other party of {@code parker} in the first free park slot (as the {@code **6} feature code). */
    public CompletionStage<FeatureOutcome> park(CallRef call, Side parker) {
        return withCall(call, c -> legsOf(c).thenCompose(p -> p.isEmpty() ? refused("call has no two parties")
                : parkLeg(c, p.get(), p.get().leg(parker), p.get().leg(parker.other()), Optional.empty())));
    }

    /**
     * Parks the other party of {@code parker} in the park slot {@code slot} (SIP: a REFER to that
     * slot's number, CME's park by transfer). Refused before anything changes (the call goes on)
     * when {@code slot} is not a configured park slot ({@link Q850Cause#UNALLOCATED_NUMBER}) or is
     * occupied ({@link Q850Cause#USER_BUSY}). Should the slot be taken between that check and the
     * park, the parked party is released with {@code USER_BUSY}.
     */
    public CompletionStage<FeatureOutcome> park(CallRef call, Side parker, String slot) {
        if (settings().parkSlot(slot).isEmpty()) {
            return refused(Q850Cause.UNALLOCATED_NUMBER, slot + " is not a park slot");
        }
        if (parkLot.occupied().containsKey(slot)) {
            return refused(Q850Cause.USER_BUSY, "park slot " + slot + " is in use");
        }
        return withCall(call, c -> legsOf(c).thenCompose(p -> p.isEmpty() ? refused("call has no two parties")
                : parkLeg(c, p.get(), p.get().leg(parker), p.get().leg(parker.other()), Optional.of(slot))));
    }

    /**
     * A call made by a feature for which FAC is never invoked (SNR, 3pcc outgoing call, parallel
     * hunt member, whisper intercom: spec section 6): {@code caller}'s leg {@code leg} is routed to
     * {@code number} with {@code accept G fac} treated as {@code accept G}; LPCOR rejections still apply.
     */
    public IncomingCall startFacExemptCall(Caller caller, org.tollgate.callcontrol.leg.LegSignaling leg,
                                           String number) {
        return calls.startExemptCall(caller, leg, number);
    }

    // ---- FeatureHandler: from a call's state machine -------------------------------------------

    @Override
    public void request(CallRef call, Caller caller, FeatureRequest request) {
        Optional<Call> c = calls.call(call);
        if (c.isEmpty()) {
            return;
        }
        CompletionStage<FeatureOutcome> r = switch (request) {
            case FeatureRequest.SetForward f -> setForward(caller, f);
            case FeatureRequest.ClearForward f -> clearForward(caller, f);
            case FeatureRequest.GroupPickup g -> pickup(c.get(), caller, g.group()
                    .or(() -> Optional.ofNullable(settings().pickupGroups().get(caller.number()))), Optional.empty());
            case FeatureRequest.DirectedPickup d -> pickup(c.get(), caller, Optional.empty(), Optional.of(d.number()));
            case FeatureRequest.Retrieve rt -> retrieve(c.get(), caller, rt.slot());
            case FeatureRequest.MeetMe m -> meetMe(c.get(), caller, m.number());
            case FeatureRequest.ParallelHunt h -> parallelHunt.start(c.get(), caller, h.pilot());
            case FeatureRequest.SingleNumberReach s -> singleNumberReach.start(c.get(), caller, s.number());
            case FeatureRequest.Intercom i -> intercom.start(c.get(), caller, i.number());
        };
        r.whenComplete((o, ex) -> {
            if (ex != null) {
                LOG.warn("{}: feature {} failed", call, request, ex);
                c.get().deliver(new CallEvent.FeatureDone(Optional.of(Q850Cause.TEMPORARY_FAILURE)));
            } else if (o instanceof FeatureOutcome.Refused f) {
                LOG.info("{}: feature {} refused: {}", call, request, f.reason());
                c.get().deliver(new CallEvent.FeatureDone(Optional.of(f.cause())));
            } else if (request instanceof FeatureRequest.SetForward || request instanceof FeatureRequest.ClearForward) {
                c.get().deliver(new CallEvent.FeatureDone(Optional.empty()));
            }
        });
    }

    @Override
    public void blindTransfer(CallRef call, LegId transferor, LegId transferee, String number) {
        calls.call(call).ifPresent(c -> blind(c, transferor, transferee, number, Optional.empty(), false)
                .thenAccept(o -> failBack(c, o)));
    }

    @Override
    public void consult(CallRef call, LegId consulter, LegId held, String number) {
        calls.call(call).ifPresent(c -> flashConsult.start(c, consulter, held, number));
    }

    @Override
    public void park(CallRef call, LegId parker, LegId parked) {
        calls.call(call).ifPresent(c -> legsOf(c).thenCompose(p -> p.isEmpty() ? refused("call has no two parties")
                : parkLeg(c, p.get(), parker, parked, Optional.empty())).thenAccept(o -> failBack(c, o)));
    }

    private static void failBack(Call c, FeatureOutcome o) {
        if (o instanceof FeatureOutcome.Refused f) {
            c.deliver(new CallEvent.FeatureDone(Optional.of(f.cause())));
        }
    }

    // ---- the features ------------------------------------------------------------------------

    private CompletionStage<FeatureOutcome> blind(Call c, LegId transferor, LegId transferee, String number,
                                                  Optional<String> carriedFac, boolean redirect) {
        return legsOf(c).thenCompose(p -> {
            if (p.isEmpty()) {
                return refused("call has no two parties");
            }
            Caller party = p.get().partyOf(transferee);
            String transferorNumber = p.get().partyOf(transferor).number();
            CallRef from = p.get().ref();
            return c.detach(transferee).thenApply(dl -> {
                if (dl.isEmpty()) {
                    return new FeatureOutcome.Refused(FACILITY_REJECTED, "transferee gone");
                }
                c.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                Function<CallRef, FeatureRecordEvent> rec = redirect
                        ? ref -> new FeatureRecordEvent.Forwarded(ref, scheduler.now(), "redirect", transferorNumber,
                                number, party.number())
                        : ref -> new FeatureRecordEvent.Transferred(ref, scheduler.now(), true, transferorNumber,
                                party.number(), number, from, Optional.empty());
                CallRef n = calls.startFeatureCall(party, dl.get(), Optional.empty(), Optional.empty(), number, false,
                        false, carriedFac, rec);
                LOG.info("{}: {} {} to {} by {}, new call {}", from, redirect ? "redirected" : "blind-transferred",
                        party.number(), number, transferorNumber, n);
                return new FeatureOutcome.Done(Optional.of(n));
            });
        });
    }

    /** Parks {@code parked} in {@code slot}, or in the first free slot when empty. */
    private CompletionStage<FeatureOutcome> parkLeg(Call c, Parties p, LegId parker, LegId parked,
                                                    Optional<String> slot) {
        FeatureSettings fs = settings();
        Q850Cause full = slot.isPresent() ? Q850Cause.USER_BUSY : Q850Cause.NO_CIRCUIT_AVAILABLE;
        Caller parkedParty = p.partyOf(parked);
        String parkerNumber = p.partyOf(parker).number();
        if (fs.parkSlots().isEmpty()) {
            return refused("no park slots configured");
        }
        return c.detach(parked).thenApply(dl -> {
            if (dl.isEmpty()) {
                return new FeatureOutcome.Refused(FACILITY_REJECTED, "parked party gone");
            }
            AtomicReference<CallScheduler.Cancellable> timer = new AtomicReference<>(() -> { });
            Optional<ParkLot.Parked> taken = parkLot.occupy(slot.map(List::of).orElse(fs.parkSlotNumbers()),
                    s -> new ParkLot.Parked(s, dl.get(), parkedParty, parkerNumber, p.ref(), () -> timer.get().cancel()));
            if (taken.isEmpty()) {
                c.deliver(new CallEvent.Clear(full));
                dl.get().handle(new LegCommand.Release(full));
                return new FeatureOutcome.Refused(full, slot.map(x -> "park slot " + x + " is in use")
                        .orElse("all park slots in use"));
            }
            ParkLot.Parked entry = taken.get();
            FeatureSettings.ParkSlot spec = fs.parkSlot(entry.slot()).orElseThrow();
            c.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
            dl.get().handle(new LegCommand.StopTone());
            dl.get().retarget(LegEvents.onlyRelease(cause -> parkLot.remove(entry)));
            spec.recallAfter().ifPresent(after -> timer.set(scheduler.schedule(after, () -> recall(entry, spec))));
            records.accept(new FeatureRecordEvent.Parked(p.ref(), scheduler.now(), entry.slot(), parkedParty.number(),
                    parkerNumber));
            LOG.info("{}: {} parked in slot {} by {}", p.ref(), parkedParty.number(), entry.slot(), parkerNumber);
            return new FeatureOutcome.Done(Optional.empty());
        });
    }

    /** The park timeout of {@code spec} expired: to the transfer number, the parker, or disconnected. */
    private void recall(ParkLot.Parked entry, FeatureSettings.ParkSlot spec) {
        if (!parkLot.remove(entry)) {
            return;
        }
        if (spec.transferTo().isEmpty() && !spec.recallToParker()) {
            LOG.info("park slot {}: {} timed out, disconnected", entry.slot(), entry.parked().number());
            entry.leg().handle(new LegCommand.Release(Q850Cause.RECOVERY_ON_TIMER_EXPIRY));
            return;
        }
        String target = spec.transferTo().orElse(entry.parkerNumber());
        CallRef n = calls.startFeatureCall(entry.parked(), entry.leg(), Optional.empty(), Optional.empty(), target,
                false, true, Optional.empty(),
                ref -> new FeatureRecordEvent.Recalled(ref, scheduler.now(), entry.slot(), target, entry.from()));
        LOG.info("park slot {}: {} recalled to {}, new call {}", entry.slot(), entry.parked().number(), target, n);
    }

    private CompletionStage<FeatureOutcome> retrieve(Call c, Caller retriever, String slot) {
        Optional<ParkLot.Parked> e = parkLot.take(slot);
        if (e.isEmpty()) {
            return refused(Q850Cause.UNALLOCATED_NUMBER, "park slot " + slot + " is empty");
        }
        ParkLot.Parked entry = e.get();
        return c.detach(LegId.incoming(c.ref())).thenApply(dl -> {
            if (dl.isEmpty()) {
                entry.leg().handle(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING));
                return new FeatureOutcome.Refused(FACILITY_REJECTED, "retriever gone");
            }
            c.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
            CallRef from = c.ref();
            CallRef n = calls.startFeatureCall(retriever, dl.get(), Optional.of(entry.leg()),
                    Optional.of(featurePeer(entry.parked())), entry.parked().number(), true, false, Optional.empty(),
                    ref -> new FeatureRecordEvent.Retrieved(ref, scheduler.now(), slot, retriever.number(), entry.from()));
            LOG.info("{}: {} retrieved slot {} ({}), new call {}", from, retriever.number(), slot,
                    entry.parked().number(), n);
            return new FeatureOutcome.Done(Optional.of(n));
        });
    }

    private CompletionStage<FeatureOutcome> pickup(Call picker, Caller pickerParty, Optional<String> group,
                                                   Optional<String> directed) {
        Map<String, String> groups = settings().pickupGroups();
        Optional<Call> ringing = calls.liveCalls().stream()
                .filter(x -> x.state() instanceof CallState.Alerting a
                        && !a.hunt().called().equals(pickerParty.number())
                        && (directed.isPresent() ? directed.get().equals(a.hunt().called())
                            : group.isPresent() && group.get().equals(groups.get(a.hunt().called()))))
                .min(Comparator.comparingLong(x -> x.ref().id()));
        if (ringing.isEmpty()) {
            return refused(FACILITY_REJECTED, "no call to pick up");
        }
        Call x = ringing.get();
        return x.inMailbox(s -> s instanceof CallState.Alerting a ? Optional.of(a) : Optional.<CallState.Alerting>empty())
                .thenCompose(a -> {
                    if (a.isEmpty()) {
                        return refused(FACILITY_REJECTED, "call answered meanwhile");
                    }
                    Caller caller = a.get().data().caller();
                    String ringingNumber = a.get().hunt().called();
                    return both(x.detach(LegId.incoming(x.ref())), picker.detach(LegId.incoming(picker.ref())))
                            .thenApply(legs -> {
                                if (legs[0].isEmpty() || legs[1].isEmpty()) {
                                    return giveUp(legs, "a party left during pickup", x, picker);
                                }
                                x.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                                picker.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
                                CallRef n = calls.startFeatureCall(caller, legs[0].get(), legs[1],
                                        Optional.of(featurePeer(pickerParty)), pickerParty.number(), true, false,
                                        Optional.empty(), ref -> new FeatureRecordEvent.PickedUp(ref, scheduler.now(),
                                                pickerParty.number(), ringingNumber, directed.isPresent(), x.ref()));
                                LOG.info("{}: {} picked up the call ringing at {}, new call {}", x.ref(),
                                        pickerParty.number(), ringingNumber, n);
                                return (FeatureOutcome) new FeatureOutcome.Done(Optional.of(n));
                            });
                });
    }

    private CompletionStage<FeatureOutcome> meetMe(Call c, Caller party, String number) {
        FeatureSettings fs = settings();
        ConferenceBridge bridge = meetMe.computeIfAbsent(number, n -> new ConferenceBridge(FeatureRecordEvent.ConferenceLeft.MEET_ME_ID_PREFIX + n, true,
                fs.meetMeMaxParties(), scheduler, records, b -> meetMe.remove(n, b)));
        if (bridge.parties().size() >= fs.meetMeMaxParties()) {
            return refused(Q850Cause.NO_CIRCUIT_AVAILABLE, "meet-me " + number + " is full");
        }
        return c.detach(LegId.incoming(c.ref())).thenApply(dl -> {
            if (dl.isEmpty()) {
                return new FeatureOutcome.Refused(FACILITY_REJECTED, "caller gone");
            }
            c.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
            if (!bridge.join(dl.get(), party.number(), c.ref())) {
                dl.get().handle(new LegCommand.Release(Q850Cause.NO_CIRCUIT_AVAILABLE));
                return new FeatureOutcome.Refused(Q850Cause.NO_CIRCUIT_AVAILABLE, "meet-me " + number + " is full");
            }
            return new FeatureOutcome.Done(Optional.empty());
        });
    }

    private CompletionStage<FeatureOutcome> setForward(Caller caller, FeatureRequest.SetForward f) {
        if (caller.number().isEmpty()) {
            return refused(FACILITY_REJECTED, "the phone has no number");
        }
        forwards.set(caller.number(), f.kind(), ForwardTable.Target.of(f.target()));
        return CompletableFuture.completedFuture(new FeatureOutcome.Done(Optional.empty()));
    }

    private CompletionStage<FeatureOutcome> clearForward(Caller caller, FeatureRequest.ClearForward f) {
        if (caller.number().isEmpty()) {
            return refused(FACILITY_REJECTED, "the phone has no number");
        }
        for (ForwardKind k : f.kind().map(List::of).orElse(List.of(ForwardKind.values()))) {
            forwards.clear(caller.number(), k);
        }
        return CompletableFuture.completedFuture(new FeatureOutcome.Done(Optional.empty()));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private FeatureSettings settings() {
        return calls.currentSettings().features();
    }

    /** The parties of an original call and of the transferor's / initiator's consult call. */
    private record TwoCalls(Optional<Parties> original, Optional<Parties> consult) {
    }

    /** The two parties of a call with an outgoing leg (set up, alerting, connected, flash-dialling). */
    record Parties(CallRef ref, LegId in, LegId out, Caller caller, Caller callee, Hunt hunt, boolean alerting,
                   boolean answered) {
        LegId leg(Side s) {
            return s == Side.CALLER ? in : out;
        }

        Caller party(Side s) {
            return s == Side.CALLER ? caller : callee;
        }

        Caller partyOf(LegId leg) {
            return leg.equals(in) ? caller : callee;
        }

        DialPeer peer() {
            return hunt.current();
        }

        String called() {
            return hunt.called();
        }
    }

    static CompletableFuture<Optional<Parties>> legsOf(Call c) {
        return c.inMailbox(s -> partiesIn(c, s));
    }

    /** Runs in {@code c}'s mailbox: its two parties in state {@code s}, empty without an outgoing leg. */
    private static Optional<Parties> partiesIn(Call c, CallState s) {
        return switch (s) {
            case CallState.Alerting a -> Optional.of(parties(c, s, a.out(), a.hunt(), true, false));
            case CallState.Connected k -> Optional.of(parties(c, s, k.out(), k.hunt(), false, true));
            case CallState.FlashDialing f -> Optional.of(parties(c, s, f.out(), f.hunt(), false, true));
            case CallState.OutgoingSetup o -> Optional.of(parties(c, s, o.out(), o.hunt(), false, false));
            case CallState.CollectingDigits x -> Optional.<Parties>empty();
            case CallState.Authorizing x -> Optional.<Parties>empty();
            case CallState.FeatureWait x -> Optional.<Parties>empty();
            case CallState.Released x -> Optional.<Parties>empty();
        };
    }

    /**
     * Takes the target (outgoing leg {@code out}) out of a consult call for a consult transfer, with
     * the consult call's parties as they are at that moment: whether the target has answered is read
     * in the same mailbox turn as the leg leaves, so an answer handled by the consult call before is
     * seen here (the transferee is joined answered) and one arriving after is held for the new call
     * (joined alerting, the answer follows). Empty when the consult call no longer rings or talks to
     * {@code out} (the target left, or the call hunted on).
     */
    static CompletableFuture<Optional<Call.Taken<Parties>>> takeTarget(Call consult, LegId out) {
        return consult.detachIf(out, s -> partiesIn(consult, s)
                .filter(p -> p.out().equals(out) && (p.alerting() || p.answered())));
    }

    /** Runs in {@code c}'s mailbox: the called party as its leg describes it, else from the dial-peer. */
    private static Parties parties(Call c, CallState s, LegId out, Hunt hunt, boolean alerting, boolean answered) {
        Caller callee = c.boundLeg(out).flatMap(LegSignaling::party)
                .map(p -> p.number().isEmpty() ? new Caller(p.endpoint(), hunt.called(), p.name(), p.lpcorIncoming()) : p)
                .orElseGet(() -> calleeParty(hunt));
        return new Parties(s.data().ref(), s.data().incomingLeg(), out, s.data().caller(), callee, hunt, alerting,
                answered);
    }

    /** The identity of a called party, from the dial-peer that reached it (its number, endpoint and incoming group). */
    static Caller calleeParty(Hunt hunt) {
        DialPeer peer = hunt.current();
        String endpoint = switch (peer.target()) {
            case DialPeerTarget.Pots p -> p.port();
            case DialPeerTarget.Voip v -> "dial-peer " + peer.tag();
            case DialPeerTarget.Line l -> l.endpoint();
        };
        return new Caller(endpoint, hunt.called(), "", peer.lpcorIncoming());
    }

    /** Tag of the stand-in dial-peer for a party no dial-peer reaches (IOS's highest tag). */
    public static final int FEATURE_PEER_TAG = Integer.MAX_VALUE;

    /**
     * The dial-peer standing for a party reached by a feature rather than by routing: the first peer
     * the dial plan would use for its number, else a stand-in line peer with tag {@link #FEATURE_PEER_TAG}.
     */
    private DialPeer featurePeer(Caller party) {
        if (!party.number().isEmpty()
                && calls.currentSettings().dialPlan().collect(party.number(), true)
                        instanceof org.tollgate.callcontrol.routing.CollectOutcome.Route r) {
            return r.candidates().getFirst();
        }
        String n = party.number().isEmpty() ? "0" : party.number();
        DestinationPattern pattern = DestinationPattern.compile(n) instanceof DestinationPattern.Compiled c
                ? c.pattern() : ((DestinationPattern.Compiled) DestinationPattern.compile("0")).pattern();
        return new DialPeer(FEATURE_PEER_TAG, pattern, new DialPeerTarget.Line(n, party.endpoint()), 0, false,
                party.lpcorIncoming(), Optional.empty());
    }

    private CompletionStage<FeatureOutcome> withCall(CallRef ref, Function<Call, CompletionStage<FeatureOutcome>> f) {
        return calls.call(ref).map(f).orElseGet(() -> refused("no such call " + ref));
    }

    private static CompletionStage<FeatureOutcome> refused(String reason) {
        return refused(FACILITY_REJECTED, reason);
    }

    private static CompletionStage<FeatureOutcome> refused(Q850Cause cause, String reason) {
        return CompletableFuture.completedFuture(new FeatureOutcome.Refused(cause, reason));
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Optional<DetachedLeg>[]> both(CompletableFuture<Optional<DetachedLeg>> a,
                                                                    CompletableFuture<Optional<DetachedLeg>> b) {
        return a.thenCombine(b, (x, y) -> new Optional[] {x, y});
    }

    /**
     * A party hung up while its leg was being moved (a race): the legs already detached are released
     * and the calls involved cleared, rather than left half-joined.
     */
    static FeatureOutcome giveUp(Optional<DetachedLeg>[] legs, String reason, Call... involved) {
        for (Optional<DetachedLeg> l : legs) {
            l.ifPresent(d -> d.handle(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING)));
        }
        for (Call c : involved) {
            c.deliver(new CallEvent.Clear(Q850Cause.NORMAL_CALL_CLEARING));
        }
        return new FeatureOutcome.Refused(FACILITY_REJECTED, reason);
    }
}
