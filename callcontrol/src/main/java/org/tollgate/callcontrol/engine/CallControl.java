package org.tollgate.callcontrol.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    public CallControl(Supplier<CallSettings> settings, CallScheduler scheduler, LegFactory legs,
                       AuthorizationApplication auth, CallRecordSink sink) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.legs = Objects.requireNonNull(legs, "legs");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.sink = Objects.requireNonNull(sink, "sink");
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
        CallSettings s = settings.get();
        if (interdigit.isPresent()) {
            s = s.withInterdigit(interdigit.get());
        }
        Call call = new Call(new CallMachine(s), scheduler, legs, auth, sink,
                c -> active.remove(ref));
        active.put(ref, call);
        IncomingCall handle = new IncomingCall(ref, call.eventsFor(LegId.incoming(ref)));
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
