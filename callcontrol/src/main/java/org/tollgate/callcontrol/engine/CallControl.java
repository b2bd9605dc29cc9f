package org.tollgate.callcontrol.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.call.CallData;
import org.tollgate.callcontrol.call.CallMachine;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.call.CallState;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.engine.internal.Call;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * The call engine: starts calls, runs each one's state machine ({@link CallMachine}) over its own
 * mailbox, and carries out the actions — leg commands, outgoing leg creation through the
 * {@link LegFactory}, timers on the {@link CallScheduler}, authorization steps through the
 * {@link AuthorizationApplication}, record events to the {@link CallRecordSink}.
 *
 * <p>Each call keeps the {@link CallSettings} current when it started; a configuration change
 * (a new settings supplier value) applies to new calls.
 */
public final class CallControl {
    /** An authorization application for configurations without FAC: every step is unavailable. */
    public static final AuthorizationApplication NO_AUTHORIZATION = (req, ctx) ->
            AuthorizationSession.completed(new AuthorizationResult.Unavailable("no authorization application"));

    private final Supplier<CallSettings> settings;
    private final CallScheduler scheduler;
    private final LegFactory legs;
    private final AuthorizationApplication auth;
    private final CallRecordSink sink;
    private final AtomicLong ids = new AtomicLong();
    private final Map<CallRef, Call> active = new ConcurrentHashMap<>();
    /** Outcomes of the last {@link #RECENT_OUTCOMES} released calls (a feature call may end before its starter asks). */
    private final Map<CallRef, CallOutcome> recentOutcomes = new java.util.LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(Map.Entry<CallRef, CallOutcome> eldest) {
            return size() > RECENT_OUTCOMES;
        }
    };
    /** How many released calls' outcomes {@link #outcome} still knows: 256. */
    static final int RECENT_OUTCOMES = 256;
    private final FeatureRecordSink featureSink;
    private final FeatureService features;

    /**
     * When {@code sink} also implements {@link FeatureRecordSink} it receives the feature record
     * events ({@code feature_vsa}) too.
     */
    public CallControl(Supplier<CallSettings> settings, CallScheduler scheduler, LegFactory legs,
                       AuthorizationApplication auth, CallRecordSink sink) {
        this(settings, scheduler, legs, auth, sink,
                sink instanceof FeatureRecordSink f ? f : FeatureRecordSink.none());
    }

    /** With an explicit sink for feature record events. */
    public CallControl(Supplier<CallSettings> settings, CallScheduler scheduler, LegFactory legs,
                       AuthorizationApplication auth, CallRecordSink sink, FeatureRecordSink featureSink) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.legs = Objects.requireNonNull(legs, "legs");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.featureSink = Objects.requireNonNull(featureSink, "featureSink");
        this.features = new FeatureService(this, scheduler, this.featureSink);
    }

    /**
     * The supplementary services (transfer, conference, park, pickup, forwards set from phones):
     * the API the SIP edge calls for REFER, and what feature codes dialled on phones reach.
     */
    public FeatureService features() {
        return features;
    }

    /** The settings a call starting now gets: the configured ones with the forwards set from phones. */
    public CallSettings currentSettings() {
        CallSettings s = settings.get();
        return s.withFeatures(s.features().withForwards(features.forwards().effective(s.features().forwards())));
    }

    /** The engine's internal handle of a live call (for the feature service). */
    Optional<Call> call(CallRef ref) {
        return Optional.ofNullable(active.get(ref));
    }

    /**
     * Starts a call for legs taken over by a feature: {@code incoming} is the new call's caller
     * side ({@code caller}); with {@code attached} the call starts already alerting/connected to
     * it (no routing, no FAC); without, {@code called} is routed for the caller (FAC as usual unless
     * {@code facExempt}; {@code carriedFac}: the caller leg's valid FAC kept from its former call).
     */
    CallRef startFeatureCall(Caller caller, DetachedLeg incoming, Optional<DetachedLeg> attached,
                             Optional<org.tollgate.callcontrol.routing.DialPeer> attachedPeer, String called,
                             boolean answered, boolean facExempt, Optional<String> carriedFac,
                             java.util.function.Function<CallRef, org.tollgate.callcontrol.record.FeatureRecordEvent> record) {
        return startFeatureCall(caller, incoming, attached, attachedPeer, called, answered, facExempt, carriedFac, record,
                java.util.function.UnaryOperator.identity());
    }

    /** As above; {@code incomingEvents} may wrap the events the incoming leg delivers (null record: none emitted). */
    CallRef startFeatureCall(Caller caller, DetachedLeg incoming, Optional<DetachedLeg> attached,
                             Optional<org.tollgate.callcontrol.routing.DialPeer> attachedPeer, String called,
                             boolean answered, boolean facExempt, Optional<String> carriedFac,
                             java.util.function.Function<CallRef, org.tollgate.callcontrol.record.FeatureRecordEvent> record,
                             java.util.function.UnaryOperator<org.tollgate.callcontrol.leg.LegEvents> incomingEvents) {
        CallRef ref = new CallRef(ids.incrementAndGet());
        CallMachine machine = new CallMachine(currentSettings());
        Call call = new Call(machine, scheduler, legs, auth, sink, c -> ended(ref, c), featureSink, features);
        active.put(ref, call);
        CallData data = CallData.start(ref, caller, scheduler.now());
        if (facExempt) {
            data = data.withFacExempt();
        }
        if (carriedFac.isPresent()) {
            data = data.withFac(carriedFac.get());
        }
        java.util.function.Function<CallData, org.tollgate.callcontrol.call.Transition> start = attached.isPresent()
                ? d -> machine.startJoined(d, new LegId(ref, d.nextLegIndex()), attachedPeer.orElseThrow(), called,
                        answered, scheduler.now())
                : d -> machine.start(d, Optional.of(called), scheduler.now());
        call.startWith(data, incoming, attached, start, () -> {
            org.tollgate.callcontrol.record.FeatureRecordEvent e = record.apply(ref);
            if (e != null) {
                featureSink.accept(e);
            }
        }, incomingEvents);
        return ref;
    }

    /** The outgoing leg factory (the parallel hunt creates member legs itself). */
    LegFactory legFactory() {
        return legs;
    }

    /** A fresh call reference (legs created by a feature before their call exists). */
    CallRef newRef() {
        return new CallRef(ids.incrementAndGet());
    }

    /** Live calls (for the feature service: pickup looks for ringing ones). */
    List<Call> liveCalls() {
        return List.copyOf(active.values());
    }

    /**
     * Starts a FAC-exempt call (SNR, 3pcc, parallel hunt, whisper intercom): routed to
     * {@code called} at once, {@code accept G fac} treated as {@code accept G}.
     */
    IncomingCall startExemptCall(Caller caller, LegSignaling incoming, String called) {
        CallRef ref = new CallRef(ids.incrementAndGet());
        Call call = new Call(new CallMachine(currentSettings()), scheduler, legs, auth, sink,
                c -> ended(ref, c), featureSink, features);
        active.put(ref, call);
        IncomingCall handle = new IncomingCall(ref, call.routerFor(LegId.incoming(ref)));
        call.start(CallData.start(ref, caller, scheduler.now()).withFacExempt(), incoming, Optional.of(called));
        return handle;
    }

    /**
     * Starts a call from {@code caller} whose incoming leg is {@code incoming}. Without a called
     * number (analog off-hook) the leg gets dial tone and digits are collected; with one (SIP
     * INVITE) the call is routed at once. The leg reports to {@link IncomingCall#events()}.
     */
    public IncomingCall startCall(Caller caller, LegSignaling incoming, Optional<String> calledNumber) {
        return startCall(caller, incoming, calledNumber, Optional.empty());
    }

    /**
     * As {@link #startCall(Caller, LegSignaling, Optional)}, with the caller's own inter-digit
     * timeout (a voice-port's {@code timeouts interdigit}) replacing the global one for this call.
     */
    public IncomingCall startCall(Caller caller, LegSignaling incoming, Optional<String> calledNumber,
                                  Optional<java.time.Duration> interdigit) {
        CallRef ref = new CallRef(ids.incrementAndGet());
        CallSettings s = currentSettings();
        if (interdigit.isPresent()) {
            s = s.withInterdigit(interdigit.get());
        }
        Call call = new Call(new CallMachine(s), scheduler, legs, auth, sink,
                c -> ended(ref, c), featureSink, features);
        active.put(ref, call);
        IncomingCall handle = new IncomingCall(ref, call.routerFor(LegId.incoming(ref)));
        call.start(CallData.start(ref, caller, scheduler.now()), incoming, calledNumber);
        return handle;
    }

    /**
     * Clears a live call ({@code clear call voice}): both sides are released with {@code cause},
     * released by the gateway. Returns whether the call was live.
     */
    public boolean clear(CallRef ref, org.tollgate.callcontrol.cause.Q850Cause cause) {
        Call c = active.get(ref);
        if (c == null) {
            return false;
        }
        c.deliver(new org.tollgate.callcontrol.call.CallEvent.Clear(cause));
        return true;
    }

    /** Clears every live call with {@code cause}; returns how many were live. */
    public int clearAll(org.tollgate.callcontrol.cause.Q850Cause cause) {
        int n = 0;
        for (CallRef ref : List.copyOf(active.keySet())) {
            if (clear(ref, cause)) {
                n++;
            }
        }
        return n;
    }

    /**
     * How the setup of call {@code ref} ends: {@link CallOutcome.Answered} when it first connects,
     * {@link CallOutcome.Failed} with the release cause when it is released before. Known for live
     * calls and for the last {@value #RECENT_OUTCOMES} released ones; empty for others. The SIP edge
     * waits on it for a transfer's new call (REFER progress, RFC 3515 section 2.4.5).
     */
    public Optional<CompletionStage<CallOutcome>> outcome(CallRef ref) {
        Call c = active.get(ref);
        if (c != null) {
            return Optional.of(c.outcome());
        }
        synchronized (recentOutcomes) {
            return Optional.ofNullable(recentOutcomes.get(ref))
                    .map(java.util.concurrent.CompletableFuture::completedStage);
        }
    }

    /** A call was released: keep its outcome for late {@link #outcome} questions, then forget it. */
    private void ended(CallRef ref, Call c) {
        CallOutcome o = c.outcome().toCompletableFuture().getNow(null);
        if (o != null) {
            synchronized (recentOutcomes) {
                recentOutcomes.put(ref, o);
            }
        }
        active.remove(ref);
    }

    /** The current state of a live call; empty once it is released. */
    public Optional<CallState> state(CallRef ref) {
        return Optional.ofNullable(active.get(ref)).map(Call::state);
    }

    /** Snapshots of the live calls, oldest first. */
    public List<CallView> activeCalls() {
        return active.values().stream()
                .map(Call::state)
                .filter(Objects::nonNull)
                .map(CallControl::view)
                .sorted(java.util.Comparator.comparingLong(v -> v.ref().id()))
                .toList();
    }

    private static CallView view(CallState s) {
        CallData d = s.data();
        String called = "";
        Optional<Integer> tag = Optional.empty();
        switch (s) {
            case CallState.CollectingDigits c -> called = c.digits();
            case CallState.Authorizing a -> {
                called = a.hunt().called();
                tag = Optional.of(a.hunt().current().tag());
            }
            case CallState.OutgoingSetup o -> {
                called = o.hunt().called();
                tag = Optional.of(o.hunt().current().tag());
            }
            case CallState.Alerting a -> {
                called = a.hunt().called();
                tag = Optional.of(a.hunt().current().tag());
            }
            case CallState.Connected c -> {
                called = c.hunt().called();
                tag = Optional.of(c.hunt().current().tag());
            }
            case CallState.FeatureWait f -> called = f.request().toString();
            case CallState.FlashDialing f -> {
                called = f.hunt().called();
                tag = Optional.of(f.hunt().current().tag());
            }
            case CallState.Released r -> {
            }
        }
        return new CallView(d.ref(), s.getClass().getSimpleName(), d.caller().endpoint(), d.caller().number(),
                called, tag, d.setupAt());
    }

    public CallScheduler scheduler() {
        return scheduler;
    }
}
