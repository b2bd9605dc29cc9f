package org.tollgate.callcontrol.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tollgate.callcontrol.call.CallEvent.AuthorizationDone;
import org.tollgate.callcontrol.call.CallEvent.Digits;
import org.tollgate.callcontrol.call.CallEvent.HookFlash;
import org.tollgate.callcontrol.call.CallEvent.LegAlerting;
import org.tollgate.callcontrol.call.CallEvent.LegAnswered;
import org.tollgate.callcontrol.call.CallEvent.LegReleased;
import org.tollgate.callcontrol.call.CallEvent.TimerExpired;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.feature.FeatureCodes;
import org.tollgate.callcontrol.feature.FeatureRequest;
import org.tollgate.callcontrol.feature.FeatureSettings;
import org.tollgate.callcontrol.feature.forward.ForwardKind;
import org.tollgate.callcontrol.feature.forward.ForwardTable;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.callcontrol.routing.CollectOutcome;

/**
 * The supplementary-service part of {@link CallMachine} (kept apart by concept): call-forward
 * inside a call, feature codes and feature numbers ({@link CallState.FeatureWait}), and hook flash
 * during a connected call ({@link CallState.FlashDialing}). Pure like the machine.
 *
 * <p>FAC rules (spec section 6) carried here: a forward re-routes the <em>same</em> call for its
 * caller, so the caller (the forwarded party A) is asked for a FAC when A→C needs one and the call
 * holds none yet; setting a forward, pickup, retrieve and meet-me never invoke FAC; a hook-flash
 * blind transfer starts a new call for the transferee (asked by that call's own routing).
 */
final class FeatureTransitions {
    private final CallMachine machine;
    private final CallSettings settings;
    private final FeatureSettings features;

    FeatureTransitions(CallMachine machine, CallSettings settings) {
        this.machine = machine;
        this.settings = settings;
        this.features = settings.features();
    }

    // ---- digit collection ---------------------------------------------------------------------

    /** Whether {@code dialled} may still grow into a feature code, feature number or routable number. */
    boolean needMore(String dialled) {
        return switch (FeatureCodes.match(dialled, false)) {
            case FeatureCodes.Incomplete i -> true;
            case FeatureCodes.Complete c -> false;
            case FeatureCodes.Invalid i -> false;
            case FeatureCodes.Park p -> false;
            case FeatureCodes.NotACode n -> {
                if (isFeatureNumber(dialled)) {
                    yield false;
                }
                yield featureNumbers().stream().anyMatch(f -> f.startsWith(dialled))
                        || settings.dialPlan().collect(dialled, false) instanceof CollectOutcome.NeedMore;
            }
        };
    }

    /** A feature code / feature number when {@code dialled} is one; empty for a number to route. */
    Optional<Transition> featureDialled(CallData d, String dialled, boolean ended, Instant now, List<Action> out) {
        return switch (FeatureCodes.match(dialled, ended)) {
            case FeatureCodes.Complete c -> Optional.of(featureWait(d, c.request(), out));
            case FeatureCodes.Incomplete i -> Optional.of(invalidCode(d, now, out));
            case FeatureCodes.Invalid i -> Optional.of(invalidCode(d, now, out));
            case FeatureCodes.Park p -> Optional.of(invalidCode(d, now, out));
            case FeatureCodes.NotACode n -> {
                if (features.isIntercom(d.caller().number(), dialled)) {
                    yield Optional.of(featureWait(d, new FeatureRequest.Intercom(dialled), out));
                }
                if (features.meetMeNumbers().contains(dialled)) {
                    yield Optional.of(featureWait(d, new FeatureRequest.MeetMe(dialled), out));
                }
                if (features.parkSlotNumbers().contains(dialled)) {
                    yield Optional.of(featureWait(d, new FeatureRequest.Retrieve(dialled), out));
                }
                if (features.parallelHunt(dialled).isPresent()) {
                    yield Optional.of(featureWait(d, new FeatureRequest.ParallelHunt(dialled), out));
                }
                if (features.singleNumberReach(dialled).isPresent()) {
                    yield Optional.of(featureWait(d, new FeatureRequest.SingleNumberReach(dialled), out));
                }
                yield Optional.empty();
            }
        };
    }

    private List<String> featureNumbers() {
        List<String> all = new ArrayList<>(features.parkSlotNumbers());
        all.addAll(features.meetMeNumbers());
        features.parallelHunts().forEach(h -> all.add(h.pilot()));
        features.singleNumberReach().forEach(h -> all.add(h.number()));
        return all;
    }

    private boolean isFeatureNumber(String n) {
        return features.parkSlotNumbers().contains(n) || features.meetMeNumbers().contains(n)
                || features.parallelHunt(n).isPresent() || features.singleNumberReach(n).isPresent();
    }

    private Transition featureWait(CallData d, FeatureRequest request, List<Action> out) {
        out.add(new Action.RequestFeature(request));
        return new Transition(new CallState.FeatureWait(d, request), out);
    }

    private Transition invalidCode(CallData d, Instant now, List<Action> out) {
        return machine.release(d, Q850Cause.UNALLOCATED_NUMBER, ReleaseSource.GATEWAY, now, out,
                Optional.of(Tone.REORDER), Optional.empty(), Optional.empty());
    }

    // ---- FeatureWait --------------------------------------------------------------------------

    Transition onFeatureWait(CallState.FeatureWait s, CallEvent event, Instant now) {
        CallData d = s.data();
        return switch (event) {
            case Digits e -> Transition.stay(s);
            case LegAlerting e -> Transition.stay(s);
            case LegAnswered e -> Transition.stay(s);
            case LegReleased e when e.leg().isIncoming() -> machine.callerGone(d, e.cause(), now, List.of(),
                    Optional.empty());
            case LegReleased e -> Transition.stay(s);
            case HookFlash e -> Transition.stay(s);
            case TimerExpired e -> Transition.stay(s);
            case AuthorizationDone e -> Transition.stay(s);
            case CallEvent.FeatureDone e when e.failure().isEmpty() -> new Transition(
                    new CallState.CollectingDigits(d, ""),
                    List.of(CallMachine.send(d.incomingLeg(), new LegCommand.PlayTone(Tone.DIAL)),
                            new Action.StartTimer(CallTimer.INTERDIGIT, settings.interdigit())));
            case CallEvent.FeatureDone e -> machine.release(d, e.failure().get(), ReleaseSource.GATEWAY, now,
                    new ArrayList<>(), Optional.of(Tone.REORDER), Optional.empty(), Optional.empty());
            case CallEvent.Clear e -> machine.cleared(d, e.cause(), now, List.of(), Optional.empty());
        };
    }

    // ---- call forward -------------------------------------------------------------------------

    /** Call forward all of {@code called}, if set: the caller is re-routed to the target. */
    Optional<Transition> forwardAll(CallData d, String called, Instant now, List<Action> out) {
        return features.forwards().lookup(called, ForwardKind.ALL)
                .map(t -> forward(d, ForwardKind.ALL, called, t.number(), now, out));
    }

    /** The no-answer timer for an attempt to {@code called}: its CFNA timeout when it has one. */
    Duration noAnswerTimeout(String called) {
        return features.forwards().lookup(called, ForwardKind.NO_ANSWER).map(ForwardTable.Target::timeout)
                .orElse(settings.ringNoAnswer());
    }

    /** Call forward busy / no answer of the hunted number, if set: attempt {@code leg} ends and the caller goes on. */
    Optional<Transition> forwardOnFailure(CallData d, Hunt h, LegId leg, Q850Cause cause, ForwardKind kind,
                                          Instant now, List<Action> out) {
        Optional<ForwardTable.Target> t = features.forwards().lookup(h.called(), kind);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        out.add(CallMachine.emit(new CallRecordEvent.AttemptFailed(d.ref(), now, h.current().tag(), Optional.of(leg),
                cause, "call-forward " + kind.keyword() + " to " + t.get().number())));
        return Optional.of(forward(d, kind, h.called(), t.get().number(), now, out));
    }

    /**
     * Re-routes this call's caller to {@code to}: routing (LPCOR, FAC for the caller A when
     * A→{@code to} needs one and the call holds no valid FAC) as for a dialled number. More than
     * {@code maxForwardHops} forwards end the call with cause 1.
     */
    private Transition forward(CallData d, ForwardKind kind, String from, String to, Instant now, List<Action> out) {
        if (d.forwardHops() >= features.maxForwardHops()) {
            return machine.release(d, Q850Cause.UNALLOCATED_NUMBER, ReleaseSource.GATEWAY, now, out,
                    Optional.of(Tone.REORDER), Optional.empty(), Optional.empty());
        }
        out.add(new Action.EmitFeature(new FeatureRecordEvent.Forwarded(d.ref(), now, kind.keyword(), from, to,
                d.caller().number())));
        CallData nd = d.withForwardHop();
        return switch (settings.dialPlan().collect(to, true)) {
            case CollectOutcome.Route r -> forwardAll(nd, r.called(), now, out)
                    .orElseGet(() -> machine.tryCurrent(nd, Hunt.of(r.called(), r.candidates()), now, out));
            case CollectOutcome.NoRoute n -> machine.release(nd, Q850Cause.UNALLOCATED_NUMBER, ReleaseSource.GATEWAY,
                    now, out, Optional.of(Tone.REORDER), Optional.empty(), Optional.empty());
            case CollectOutcome.NeedMore n -> machine.release(nd, Q850Cause.INVALID_NUMBER_FORMAT,
                    ReleaseSource.GATEWAY, now, out, Optional.of(Tone.REORDER), Optional.empty(), Optional.empty());
        };
    }

    // ---- hook flash ---------------------------------------------------------------------------

    /** Hook flash by {@code flasher} in a connected call: unbridge, dial tone to the flasher. */
    Transition flash(CallState.Connected s, LegId flasher) {
        CallData d = s.data();
        return new Transition(new CallState.FlashDialing(d, s.hunt(), s.out(), s.connectedAt(), flasher, ""), List.of(
                new Action.Unbridge(d.incomingLeg()), new Action.Unbridge(s.out()),
                CallMachine.send(flasher, new LegCommand.PlayTone(Tone.DIAL)),
                new Action.StartTimer(CallTimer.INTERDIGIT, settings.interdigit())));
    }

    Transition onFlashDialing(CallState.FlashDialing s, CallEvent event, Instant now) {
        CallData d = s.data();
        List<Action> stopTimer = List.of(new Action.CancelTimer(CallTimer.INTERDIGIT));
        return switch (event) {
            case Digits e when e.leg().equals(s.flasher()) && !handedOver(s) -> flashDigits(s, e.digits(), now);
            case Digits e -> Transition.stay(s);
            case LegAlerting e -> Transition.stay(s);
            case LegAnswered e -> Transition.stay(s);
            case LegReleased e when e.leg().isIncoming() -> machine.callerGone(d, e.cause(), now, stopTimer,
                    Optional.of(s.out()));
            case LegReleased e when e.leg().equals(s.out()) -> machine.release(d, e.cause(), ReleaseSource.CALLED_PARTY,
                    now, new ArrayList<>(stopTimer), Optional.empty(), Optional.of(s.out()), Optional.empty());
            case LegReleased e -> Transition.stay(s);
            case HookFlash e when e.leg().equals(s.flasher()) && !handedOver(s) -> reconnect(s);
            case HookFlash e -> Transition.stay(s);
            case TimerExpired e when e.timer() == CallTimer.INTERDIGIT && !handedOver(s) -> flashComplete(s,
                    s.digits(), true, new ArrayList<>());
            case TimerExpired e -> Transition.stay(s);
            case AuthorizationDone e -> Transition.stay(s);
            case CallEvent.FeatureDone e when e.failure().isPresent() -> reconnect(s);
            case CallEvent.FeatureDone e -> Transition.stay(s);
            case CallEvent.Clear e -> machine.cleared(d, e.cause(), now, stopTimer, Optional.of(s.out()));
        };
    }

    /** Digits ending in {@code !} mark a flash request already handed to the feature service. */
    private static boolean handedOver(CallState.FlashDialing s) {
        return s.digits().endsWith("!");
    }

    private LegId other(CallState.FlashDialing s) {
        return s.flasher().isIncoming() ? s.out() : s.data().incomingLeg();
    }

    private Transition flashDigits(CallState.FlashDialing s, String more, Instant now) {
        List<Action> out = new ArrayList<>();
        if (s.digits().isEmpty()) {
            out.add(CallMachine.send(s.flasher(), new LegCommand.StopTone()));
        }
        StringBuilder dialled = new StringBuilder(s.digits());
        for (int i = 0; i < more.length(); i++) {
            char c = more.charAt(i);
            boolean terminator = c == '#' && !dialled.isEmpty();
            if (!terminator) {
                dialled.append(c);
            }
            String so = dialled.toString();
            boolean code = !(FeatureCodes.match(so, false) instanceof FeatureCodes.NotACode);
            boolean more2 = code ? FeatureCodes.match(so, false) instanceof FeatureCodes.Incomplete
                    : settings.dialPlan().collect(so, false) instanceof CollectOutcome.NeedMore;
            if (terminator || !more2) {
                return flashComplete(s, so, terminator, out);
            }
        }
        out.add(new Action.StartTimer(CallTimer.INTERDIGIT, settings.interdigit()));
        return new Transition(new CallState.FlashDialing(s.data(), s.hunt(), s.out(), s.connectedAt(), s.flasher(),
                dialled.toString()), out);
    }

    /** The flasher's digits are final: park code → park; a routable number → blind transfer; else back to the call. */
    private Transition flashComplete(CallState.FlashDialing s, String dialled, boolean ended, List<Action> out) {
        out.add(new Action.CancelTimer(CallTimer.INTERDIGIT));
        CallState.FlashDialing handed = new CallState.FlashDialing(s.data(), s.hunt(), s.out(), s.connectedAt(),
                s.flasher(), dialled + "!");
        if (dialled.isEmpty()) {
            return withActions(reconnect(s), out);
        }
        return switch (FeatureCodes.match(dialled, ended)) {
            case FeatureCodes.Park p -> {
                out.add(new Action.Park(s.flasher(), other(s)));
                yield new Transition(handed, out);
            }
            case FeatureCodes.Complete c -> withActions(reconnect(s), out);
            case FeatureCodes.Incomplete i -> withActions(reconnect(s), out);
            case FeatureCodes.Invalid i -> withActions(reconnect(s), out);
            case FeatureCodes.NotACode n -> {
                if (settings.dialPlan().collect(dialled, true) instanceof CollectOutcome.Route r) {
                    out.add(features.flashConsult() ? new Action.Consult(s.flasher(), other(s), r.called())
                            : new Action.BlindTransfer(s.flasher(), other(s), r.called()));
                    yield new Transition(handed, out);
                }
                yield withActions(reconnect(s), out);
            }
        };
    }

    private static Transition withActions(Transition t, List<Action> before) {
        List<Action> all = new ArrayList<>(before);
        all.addAll(t.actions());
        return new Transition(t.next(), all);
    }

    /** Back to the conversation (flash again, invalid code, failed transfer or park). */
    private Transition reconnect(CallState.FlashDialing s) {
        CallData d = s.data();
        return new Transition(new CallState.Connected(d, s.hunt(), s.out(), s.connectedAt()), List.of(
                new Action.CancelTimer(CallTimer.INTERDIGIT),
                CallMachine.send(s.flasher(), new LegCommand.StopTone()),
                CallMachine.send(d.incomingLeg(), new LegCommand.Connect(s.out())),
                CallMachine.send(s.out(), new LegCommand.Connect(d.incomingLeg()))));
    }
}
