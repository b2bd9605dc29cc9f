package org.tollgate.callcontrol.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tollgate.callcontrol.auth.AuthorizationRequest;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.call.CallEvent.AuthorizationDone;
import org.tollgate.callcontrol.call.CallEvent.Digits;
import org.tollgate.callcontrol.call.CallEvent.HookFlash;
import org.tollgate.callcontrol.call.CallEvent.LegAlerting;
import org.tollgate.callcontrol.call.CallEvent.LegAnswered;
import org.tollgate.callcontrol.call.CallEvent.LegReleased;
import org.tollgate.callcontrol.call.CallEvent.TimerExpired;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.OutgoingLegRequest;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.lpcor.LpcorDecision;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.callcontrol.routing.CollectOutcome;
import org.tollgate.callcontrol.routing.DialPeer;

/**
 * The call state machine: a pure function {@code (state, event, now) → (next state, actions)}.
 * One method per state, each an exhaustive {@code switch} over {@link CallEvent} without
 * {@code default}. Nothing here does I/O or reads a clock; the {@code CallEngine} runs the actions.
 *
 * <h2>Lifecycle</h2>
 * <pre>
 *  start ──► CollectingDigits ──(number complete)──► [route] ──► OutgoingSetup ──► Alerting ──► Connected
 *                 │                                    │  ▲            │  ▲             │           │
 *                 │                                    ▼  │ success    │  │hunt         │           │
 *                 │                               Authorizing ─────────┘  └─────────────┘           │
 *                 └────── no route / timeout / caller hangs up / all peers failed ──► Released ◄───┘
 * </pre>
 * [route] tries the matching dial-peers in hunt order: LPCOR reject → next peer; LPCOR
 * {@code accept fac} without a valid FAC → {@link CallState.Authorizing}; otherwise the outgoing
 * leg is created. A failed attempt (busy, no answer, unreachable, FAC failure, LPCOR reject) moves
 * to the next peer unless the peer has {@code huntstop} or the cause is a hunt-stop cause; when
 * no peer is left, the call is released with the last failure's cause and the caller hears busy
 * tone (cause 17) or reorder (anything else).
 */
public final class CallMachine {
    private final CallSettings settings;
    private final FeatureTransitions features;

    public CallMachine(CallSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.features = new FeatureTransitions(this, settings);
    }

    public CallSettings settings() {
        return settings;
    }

    /**
     * Starts a call. Without {@code calledNumber} (analog off-hook) the caller gets dial tone and
     * digits are collected; with it (SIP INVITE, en-bloc) the call is routed at once.
     */
    public Transition start(CallData data, Optional<String> calledNumber, Instant now) {
        List<Action> out = new ArrayList<>();
        Caller c = data.caller();
        out.add(emit(new CallRecordEvent.Setup(data.ref(), now, data.incomingLeg(), c.endpoint(), c.number(),
                c.name(), calledNumber.orElse(""), c.lpcorIncoming())));
        if (calledNumber.isPresent()) {
            return complete(data, calledNumber.get(), true, now, out);
        }
        out.add(send(data.incomingLeg(), new LegCommand.PlayTone(Tone.DIAL)));
        out.add(new Action.StartTimer(CallTimer.INTERDIGIT, settings.interdigit()));
        return new Transition(new CallState.CollectingDigits(data, ""), out);
    }

    /** One step: the state's handler for {@code event}. */
    public Transition handle(CallState state, CallEvent event, Instant now) {
        return switch (state) {
            case CallState.CollectingDigits s -> onCollecting(s, event, now);
            case CallState.Authorizing s -> onAuthorizing(s, event, now);
            case CallState.OutgoingSetup s -> onOutgoingSetup(s, event, now);
            case CallState.Alerting s -> onAlerting(s, event, now);
            case CallState.Connected s -> onConnected(s, event, now);
            case CallState.FeatureWait s -> features.onFeatureWait(s, event, now);
            case CallState.FlashDialing s -> features.onFlashDialing(s, event, now);
            case CallState.Released s -> onReleased(s, event);
        };
    }

    // ---- CollectingDigits --------------------------------------------------------------------

    private Transition onCollecting(CallState.CollectingDigits s, CallEvent event, Instant now) {
        CallData d = s.data();
        return switch (event) {
            case Digits e when e.leg().isIncoming() -> collectDigits(s, e.digits(), now);
            case Digits e -> Transition.stay(s);
            case LegReleased e when e.leg().isIncoming() -> callerGone(d, e.cause(), now,
                    List.of(new Action.CancelTimer(CallTimer.INTERDIGIT)), Optional.empty());
            case LegReleased e -> Transition.stay(s);
            case LegAlerting e -> Transition.stay(s);
            case LegAnswered e -> Transition.stay(s);
            case HookFlash e -> Transition.stay(s);
            case TimerExpired e when e.timer() == CallTimer.INTERDIGIT -> {
                if (s.digits().isEmpty()) {
                    yield release(d, Q850Cause.INVALID_NUMBER_FORMAT, ReleaseSource.GATEWAY, now,
                            new ArrayList<>(), Optional.empty(), Optional.empty());
                }
                yield complete(d, s.digits(), true, now, new ArrayList<>());
            }
            case TimerExpired e -> Transition.stay(s);
            case AuthorizationDone e -> Transition.stay(s);
            case CallEvent.FeatureDone e -> Transition.stay(s);
            case CallEvent.Clear e -> cleared(d, e.cause(), now, List.of(new Action.CancelTimer(CallTimer.INTERDIGIT)),
                    Optional.empty());
        };
    }

    private Transition collectDigits(CallState.CollectingDigits s, String more, Instant now) {
        List<Action> out = new ArrayList<>();
        if (s.digits().isEmpty()) {
            out.add(send(s.data().incomingLeg(), new LegCommand.StopTone()));
        }
        StringBuilder dialled = new StringBuilder(s.digits());
        for (int i = 0; i < more.length(); i++) {
            char c = more.charAt(i);
            boolean terminator = c == '#' && !dialled.isEmpty();
            if (!terminator) {
                dialled.append(c);
            }
            if (terminator || !features.needMore(dialled.toString())) {
                out.add(new Action.CancelTimer(CallTimer.INTERDIGIT));
                return typeAhead(complete(s.data(), dialled.toString(), terminator, now, out),
                        more.substring(i + 1));
            }
        }
        out.add(new Action.StartTimer(CallTimer.INTERDIGIT, settings.interdigit()));
        return new Transition(new CallState.CollectingDigits(s.data(), dialled.toString()), out);
    }

    /** Digits dialled after the number (e.g. a FAC keyed ahead) go to the authorization step if one started. */
    private static Transition typeAhead(Transition t, String rest) {
        if (rest.isEmpty() || !(t.next() instanceof CallState.Authorizing)) {
            return t;
        }
        List<Action> actions = new ArrayList<>(t.actions());
        actions.add(new Action.ForwardDigits(rest));
        return new Transition(t.next(), actions);
    }

    /** Collection ended: a feature code or feature number, else the dial plan. */
    private Transition complete(CallData d, String dialled, boolean ended, Instant now, List<Action> out) {
        return features.featureDialled(d, dialled, ended, now, out)
                .orElseGet(() -> routeCollected(d, dialled, ended, now, out));
    }

    Transition routeCollected(CallData d, String dialled, boolean ended, Instant now, List<Action> out) {
        return switch (settings.dialPlan().collect(dialled, ended)) {
            case CollectOutcome.Route r -> {
                out.add(emit(new CallRecordEvent.DigitsCollected(d.ref(), now, r.called(),
                        r.candidates().stream().map(DialPeer::tag).toList())));
                yield features.forwardAll(d, r.called(), now, out)
                        .orElseGet(() -> tryCurrent(d, Hunt.of(r.called(), r.candidates()), now, out));
            }
            case CollectOutcome.NoRoute n -> release(d, Q850Cause.UNALLOCATED_NUMBER, ReleaseSource.GATEWAY, now,
                    out, Optional.empty(), Optional.empty());
            case CollectOutcome.NeedMore n -> release(d, Q850Cause.INVALID_NUMBER_FORMAT, ReleaseSource.GATEWAY,
                    now, out, Optional.empty(), Optional.empty());
        };
    }

    // ---- routing and hunting -----------------------------------------------------------------

    /** Tries {@code hunt.current()} and, on immediate failures (LPCOR reject), the following peers. */
    Transition tryCurrent(CallData d, Hunt hunt, Instant now, List<Action> out) {
        Hunt h = hunt;
        while (!h.exhausted()) {
            DialPeer peer = h.current();
            LpcorDecision decision = settings.lpcor().decide(d.caller().lpcorIncoming(), settings.calleeGroup(peer));
            switch (decision) {
                case LpcorDecision.Reject r -> {
                    out.add(emit(new CallRecordEvent.AttemptFailed(d.ref(), now, peer.tag(), Optional.empty(),
                            r.cause(), "lpcor policy " + r.policy() + " rejects "
                                    + d.caller().lpcorIncoming().orElse("?"))));
                    Hunt next = h.failed(r.cause());
                    if (!mayHunt(peer, r.cause())) {
                        return exhausted(d, next, now, out, Optional.empty());
                    }
                    h = next;
                }
                case LpcorDecision.RequireFac f when d.validFac().isEmpty() && !d.facExempt() -> {
                    CallData nd = d.withAuthStarted();
                    out.add(send(d.incomingLeg(), new LegCommand.StopTone()));
                    out.add(emit(new CallRecordEvent.AuthorizationStarted(d.ref(), now, peer.tag(), f.policy())));
                    out.add(new Action.Authorize(nd.authSeq(), new AuthorizationRequest(d.ref(),
                            d.caller().number(), h.called(), peer.tag(), f.policy(), d.caller().lpcorIncoming())));
                    return new Transition(new CallState.Authorizing(nd, h, nd.authSeq()), out);
                }
                case LpcorDecision.RequireFac f -> {
                    return offer(d, h, now, out);
                }
                case LpcorDecision.Accept a -> {
                    return offer(d, h, now, out);
                }
            }
        }
        return exhausted(d, h, now, out, Optional.empty());
    }

    private Transition offer(CallData d, Hunt h, Instant now, List<Action> out) {
        DialPeer peer = h.current();
        LegId leg = new LegId(d.ref(), d.nextLegIndex());
        CallData nd = d.withLegAllocated();
        out.add(emit(new CallRecordEvent.Routed(d.ref(), now, leg, peer.tag(), h.called(), describe(peer),
                d.caller().lpcorIncoming(), settings.calleeGroup(peer))));
        out.add(new Action.CreateLeg(new OutgoingLegRequest(leg, peer, h.called(), d.caller().number(),
                d.caller().name())));
        out.add(new Action.StartTimer(CallTimer.NO_ANSWER, features.noAnswerTimeout(h.called())));
        return new Transition(new CallState.OutgoingSetup(nd, h, leg), out);
    }

    static String describe(DialPeer peer) {
        return switch (peer.target()) {
            case org.tollgate.callcontrol.routing.DialPeerTarget.Pots p -> "port " + p.port();
            case org.tollgate.callcontrol.routing.DialPeerTarget.Voip v -> "session target " + v.sessionTarget();
            case org.tollgate.callcontrol.routing.DialPeerTarget.Line l -> l.endpoint() + " line " + l.number();
        };
    }

    private boolean mayHunt(DialPeer failed, Q850Cause cause) {
        return !failed.huntstop() && !settings.huntStopCauses().contains(cause);
    }

    /** The current attempt failed with {@code cause}: hunt on, or release with the final cause. */
    private Transition attemptFailed(CallData d, Hunt h, Optional<LegId> leg, Q850Cause cause, String reason,
                                     Instant now, List<Action> out) {
        DialPeer peer = h.current();
        out.add(emit(new CallRecordEvent.AttemptFailed(d.ref(), now, peer.tag(), leg, cause, reason)));
        Hunt next = h.failed(cause);
        if (!mayHunt(peer, cause)) {
            return exhausted(d, next, now, out, leg);
        }
        return tryCurrent(d, next, now, out);
    }

    private Transition exhausted(CallData d, Hunt h, Instant now, List<Action> out, Optional<LegId> lastLeg) {
        Q850Cause cause = h.lastFailure().orElse(Q850Cause.NO_ROUTE_TO_DESTINATION);
        Tone tone = cause.equals(Q850Cause.USER_BUSY) ? Tone.BUSY : Tone.REORDER;
        return release(d, cause, ReleaseSource.GATEWAY, now, out, Optional.of(tone), lastLeg, Optional.empty());
    }

    // ---- Authorizing -------------------------------------------------------------------------

    private Transition onAuthorizing(CallState.Authorizing s, CallEvent event, Instant now) {
        CallData d = s.data();
        return switch (event) {
            case Digits e when e.leg().isIncoming() ->
                    new Transition(s, List.of(new Action.ForwardDigits(e.digits())));
            case Digits e -> Transition.stay(s);
            case LegReleased e when e.leg().isIncoming() -> {
                List<Action> out = new ArrayList<>();
                out.add(new Action.CancelAuthorization());
                out.add(emit(new CallRecordEvent.FacResult(d.ref(), now, s.hunt().current().tag(),
                        FacStatus.CALLER_HUNG_UP, "")));
                yield callerGone(d, e.cause(), now, out, Optional.empty());
            }
            case LegReleased e -> Transition.stay(s);
            case LegAlerting e -> Transition.stay(s);
            case LegAnswered e -> Transition.stay(s);
            case HookFlash e -> Transition.stay(s);
            case TimerExpired e -> Transition.stay(s);
            case AuthorizationDone e when e.seq() != s.seq() -> Transition.stay(s);
            case AuthorizationDone e -> authorizationDone(s, e.result(), now);
            case CallEvent.FeatureDone e -> Transition.stay(s);
            case CallEvent.Clear e -> cleared(d, e.cause(), now, List.of(new Action.CancelAuthorization()),
                    Optional.empty());
        };
    }

    private Transition authorizationDone(CallState.Authorizing s, AuthorizationResult result, Instant now) {
        CallData d = s.data();
        int tag = s.hunt().current().tag();
        List<Action> out = new ArrayList<>();
        Q850Cause block = settings.lpcor().callBlockCause();
        return switch (result) {
            case AuthorizationResult.Success ok -> {
                out.add(emit(new CallRecordEvent.FacResult(d.ref(), now, tag, FacStatus.SUCCESS, ok.facDigits())));
                yield offer(d.withFac(ok.facDigits()), s.hunt(), now, out);
            }
            case AuthorizationResult.Failure f -> {
                out.add(emit(new CallRecordEvent.FacResult(d.ref(), now, tag, FacStatus.FAILURE, f.facDigits())));
                yield attemptFailed(d, s.hunt(), Optional.empty(), block, "fac failure: " + f.reason(), now, out);
            }
            case AuthorizationResult.Aborted a -> {
                out.add(emit(new CallRecordEvent.FacResult(d.ref(), now, tag, FacStatus.ABORTED, "")));
                yield attemptFailed(d, s.hunt(), Optional.empty(), block, "fac aborted", now, out);
            }
            case AuthorizationResult.TimedOut t -> {
                out.add(emit(new CallRecordEvent.FacResult(d.ref(), now, tag, FacStatus.TIMED_OUT, "")));
                yield attemptFailed(d, s.hunt(), Optional.empty(), block, "fac timed out", now, out);
            }
            case AuthorizationResult.Unavailable u -> {
                out.add(emit(new CallRecordEvent.FacResult(d.ref(), now, tag, FacStatus.UNAVAILABLE, "")));
                yield attemptFailed(d, s.hunt(), Optional.empty(), block, "fac unavailable: " + u.reason(), now, out);
            }
        };
    }

    // ---- OutgoingSetup -----------------------------------------------------------------------

    private Transition onOutgoingSetup(CallState.OutgoingSetup s, CallEvent event, Instant now) {
        CallData d = s.data();
        return switch (event) {
            case Digits e -> Transition.stay(s);
            case LegAlerting e when e.leg().equals(s.out()) -> new Transition(
                    new CallState.Alerting(d, s.hunt(), s.out()),
                    List.of(send(d.incomingLeg(), new LegCommand.PlayTone(Tone.RINGBACK)),
                            emit(new CallRecordEvent.Alerting(d.ref(), now, s.out()))));
            case LegAlerting e -> Transition.stay(s);
            case LegAnswered e when e.leg().equals(s.out()) -> connect(d, s.hunt(), s.out(), now);
            case LegAnswered e -> Transition.stay(s);
            case LegReleased e when e.leg().isIncoming() -> callerGone(d, e.cause(), now,
                    List.of(new Action.CancelTimer(CallTimer.NO_ANSWER)), Optional.of(s.out()));
            case LegReleased e when e.leg().equals(s.out()) -> outgoingFailed(d, s.hunt(), s.out(), e.cause(), now);
            case LegReleased e -> Transition.stay(s);
            case HookFlash e -> Transition.stay(s);
            case TimerExpired e when e.timer() == CallTimer.NO_ANSWER -> noAnswer(d, s.hunt(), s.out(), now);
            case TimerExpired e -> Transition.stay(s);
            case AuthorizationDone e -> Transition.stay(s);
            case CallEvent.FeatureDone e -> Transition.stay(s);
            case CallEvent.Clear e -> cleared(d, e.cause(), now, List.of(new Action.CancelTimer(CallTimer.NO_ANSWER)),
                    Optional.of(s.out()));
        };
    }

    private Transition outgoingFailed(CallData d, Hunt h, LegId out, Q850Cause cause, Instant now) {
        List<Action> actions = new ArrayList<>();
        actions.add(new Action.CancelTimer(CallTimer.NO_ANSWER));
        if (cause.equals(Q850Cause.USER_BUSY)) {
            Optional<Transition> fwd = features.forwardOnFailure(d, h, out, cause,
                    org.tollgate.callcontrol.feature.forward.ForwardKind.BUSY, now, actions);
            if (fwd.isPresent()) {
                return fwd.get();
            }
        }
        return attemptFailed(d, h, Optional.of(out), cause, cause.text(), now, actions);
    }

    private Transition noAnswer(CallData d, Hunt h, LegId out, Instant now) {
        List<Action> actions = new ArrayList<>();
        actions.add(send(out, new LegCommand.Release(Q850Cause.NO_ANSWER)));
        actions.add(send(d.incomingLeg(), new LegCommand.StopTone()));
        Optional<Transition> fwd = features.forwardOnFailure(d, h, out, Q850Cause.NO_ANSWER,
                org.tollgate.callcontrol.feature.forward.ForwardKind.NO_ANSWER, now, actions);
        if (fwd.isPresent()) {
            return fwd.get();
        }
        return attemptFailed(d, h, Optional.of(out), Q850Cause.NO_ANSWER, "no answer", now, actions);
    }

    Transition connect(CallData d, Hunt h, LegId out, Instant now) {
        return new Transition(new CallState.Connected(d, h, out, now), List.of(
                new Action.CancelTimer(CallTimer.NO_ANSWER),
                send(d.incomingLeg(), new LegCommand.StopTone()),
                send(d.incomingLeg(), new LegCommand.Connect(out)),
                send(out, new LegCommand.Connect(d.incomingLeg())),
                emit(new CallRecordEvent.Connected(d.ref(), now, d.incomingLeg(), out, h.current().tag()))));
    }

    // ---- Alerting ----------------------------------------------------------------------------

    private Transition onAlerting(CallState.Alerting s, CallEvent event, Instant now) {
        CallData d = s.data();
        return switch (event) {
            case Digits e -> Transition.stay(s);
            case LegAlerting e -> Transition.stay(s);
            case LegAnswered e when e.leg().equals(s.out()) -> connect(d, s.hunt(), s.out(), now);
            case LegAnswered e -> Transition.stay(s);
            case LegReleased e when e.leg().isIncoming() -> callerGone(d, e.cause(), now,
                    List.of(new Action.CancelTimer(CallTimer.NO_ANSWER)), Optional.of(s.out()));
            case LegReleased e when e.leg().equals(s.out()) -> {
                Transition t = outgoingFailed(d, s.hunt(), s.out(), e.cause(), now);
                List<Action> a = new ArrayList<>();
                a.add(send(d.incomingLeg(), new LegCommand.StopTone()));
                a.addAll(t.actions());
                yield new Transition(t.next(), a);
            }
            case LegReleased e -> Transition.stay(s);
            case HookFlash e -> Transition.stay(s);
            case TimerExpired e when e.timer() == CallTimer.NO_ANSWER -> noAnswer(d, s.hunt(), s.out(), now);
            case TimerExpired e -> Transition.stay(s);
            case AuthorizationDone e -> Transition.stay(s);
            case CallEvent.FeatureDone e -> Transition.stay(s);
            case CallEvent.Clear e -> cleared(d, e.cause(), now, List.of(new Action.CancelTimer(CallTimer.NO_ANSWER)),
                    Optional.of(s.out()));
        };
    }

    // ---- Connected ---------------------------------------------------------------------------

    private Transition onConnected(CallState.Connected s, CallEvent event, Instant now) {
        CallData d = s.data();
        return switch (event) {
            case Digits e when e.leg().isIncoming() ->
                    new Transition(s, List.of(send(s.out(), new LegCommand.SendDigits(e.digits()))));
            case Digits e when e.leg().equals(s.out()) ->
                    new Transition(s, List.of(send(d.incomingLeg(), new LegCommand.SendDigits(e.digits()))));
            case Digits e -> Transition.stay(s);
            case LegAlerting e -> Transition.stay(s);
            case LegAnswered e -> Transition.stay(s);
            case LegReleased e when e.leg().isIncoming() -> callerGone(d, e.cause(), now, List.of(),
                    Optional.of(s.out()));
            case LegReleased e when e.leg().equals(s.out()) -> release(d, e.cause(), ReleaseSource.CALLED_PARTY, now,
                    new ArrayList<>(), Optional.empty(), Optional.of(s.out()), Optional.empty());
            case LegReleased e -> Transition.stay(s);
            case HookFlash e when e.leg().isIncoming() || e.leg().equals(s.out()) -> flash(s, e.leg());
            case HookFlash e -> Transition.stay(s);
            case TimerExpired e -> Transition.stay(s);
            case AuthorizationDone e -> Transition.stay(s);
            case CallEvent.FeatureDone e -> Transition.stay(s);
            case CallEvent.Clear e -> cleared(d, e.cause(), now, List.of(), Optional.of(s.out()));
        };
    }

    private Transition flash(CallState.Connected s, LegId flasher) {
        return features.flash(s, flasher);
    }

    /**
     * Starts a call whose outgoing party is already there: leg {@code attached} (taken over from
     * another call or a park slot by the feature service) towards {@code peer}/{@code called}, alerting
     * or already answered. No routing, no LPCOR check, no FAC (consult transfer, pickup, park
     * retrieve: spec section 6). {@code attached} must be the next leg id of {@code data}.
     */
    public Transition startJoined(CallData data, LegId attached, DialPeer peer, String called, boolean answered,
                                  Instant now) {
        if (attached.index() != data.nextLegIndex() || !attached.call().equals(data.ref())) {
            throw new IllegalArgumentException("attached leg must be " + data.ref() + "/leg-" + data.nextLegIndex());
        }
        List<Action> out = new ArrayList<>();
        Caller c = data.caller();
        out.add(emit(new CallRecordEvent.Setup(data.ref(), now, data.incomingLeg(), c.endpoint(), c.number(),
                c.name(), called, c.lpcorIncoming())));
        CallData nd = data.withLegAllocated();
        Hunt h = Hunt.of(called, List.of(peer));
        out.add(emit(new CallRecordEvent.Routed(data.ref(), now, attached, peer.tag(), called, describe(peer),
                c.lpcorIncoming(), settings.calleeGroup(peer))));
        out.add(new Action.Unbridge(data.incomingLeg()));
        out.add(new Action.Unbridge(attached));
        if (answered) {
            Transition t = connect(nd, h, attached, now);
            out.addAll(t.actions());
            return new Transition(t.next(), out);
        }
        out.add(new Action.StartTimer(CallTimer.NO_ANSWER, settings.ringNoAnswer()));
        out.add(send(data.incomingLeg(), new LegCommand.PlayTone(Tone.RINGBACK)));
        out.add(emit(new CallRecordEvent.Alerting(data.ref(), now, attached)));
        return new Transition(new CallState.Alerting(nd, h, attached), out);
    }

    // ---- Released ----------------------------------------------------------------------------

    private Transition onReleased(CallState.Released s, CallEvent event) {
        return switch (event) {
            case Digits e -> Transition.stay(s);
            case LegAlerting e -> Transition.stay(s);
            case LegAnswered e -> Transition.stay(s);
            case LegReleased e -> Transition.stay(s);
            case HookFlash e -> Transition.stay(s);
            case TimerExpired e -> Transition.stay(s);
            case AuthorizationDone e -> Transition.stay(s);
            case CallEvent.FeatureDone e -> Transition.stay(s);
            case CallEvent.Clear e -> Transition.stay(s);
        };
    }

    // ---- release helpers ---------------------------------------------------------------------

    /** The caller hung up: release the live outgoing leg (if any) with normal clearing. */
    Transition callerGone(CallData d, Q850Cause cause, Instant now, List<Action> before,
                                  Optional<LegId> liveOut) {
        List<Action> out = new ArrayList<>(before);
        liveOut.ifPresent(l -> out.add(send(l, new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING))));
        CallState next = new CallState.Released(d, cause, ReleaseSource.CALLING_PARTY);
        out.add(emit(new CallRecordEvent.Released(d.ref(), now, cause, ReleaseSource.CALLING_PARTY,
                d.incomingLeg(), lastOutgoing(d))));
        return new Transition(next, out);
    }

    /** Cleared by the operator/gateway: both sides released with {@code cause}, no tone. */
    Transition cleared(CallData d, Q850Cause cause, Instant now, List<Action> before, Optional<LegId> liveOut) {
        return release(d, cause, ReleaseSource.GATEWAY, now, new ArrayList<>(before), Optional.empty(), Optional.empty(),
                liveOut);
    }

    private Transition release(CallData d, Q850Cause cause, ReleaseSource source, Instant now, List<Action> out,
                               Optional<Tone> tone, Optional<LegId> releasedOut) {
        return release(d, cause, source, now, out, tone.or(() -> Optional.of(Tone.REORDER)), releasedOut,
                Optional.empty());
    }

    /**
     * Releases the call: optional tone to the caller, then {@link LegCommand.Release} to the
     * incoming leg and to {@code liveOut}; {@code releasedOut} is an outgoing leg already gone.
     */
    Transition release(CallData d, Q850Cause cause, ReleaseSource source, Instant now, List<Action> out,
                               Optional<Tone> tone, Optional<LegId> releasedOut, Optional<LegId> liveOut) {
        tone.ifPresent(t -> out.add(send(d.incomingLeg(), new LegCommand.PlayTone(t))));
        out.add(send(d.incomingLeg(), new LegCommand.Release(cause)));
        liveOut.ifPresent(l -> out.add(send(l, new LegCommand.Release(cause))));
        out.add(emit(new CallRecordEvent.Released(d.ref(), now, cause, source, d.incomingLeg(), lastOutgoing(d))));
        return new Transition(new CallState.Released(d, cause, source), out);
    }

    private static Optional<LegId> lastOutgoing(CallData d) {
        return d.nextLegIndex() > 2 ? Optional.of(new LegId(d.ref(), d.nextLegIndex() - 1)) : Optional.empty();
    }

    static Action send(LegId leg, LegCommand command) {
        return new Action.Send(leg, command);
    }

    static Action emit(CallRecordEvent event) {
        return new Action.Emit(event);
    }
}
