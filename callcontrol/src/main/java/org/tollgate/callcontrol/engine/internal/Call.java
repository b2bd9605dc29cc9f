package org.tollgate.callcontrol.engine.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.auth.AuthorizationContext;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.auth.DigitSource;
import org.tollgate.callcontrol.auth.PromptPlayer;
import org.tollgate.callcontrol.call.Action;
import org.tollgate.callcontrol.call.CallData;
import org.tollgate.callcontrol.call.CallEvent;
import org.tollgate.callcontrol.call.CallMachine;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallState;
import org.tollgate.callcontrol.call.CallTimer;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.call.Transition;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * One live call: runs the pure {@link CallMachine} over a mailbox. Every input (leg events,
 * timers, authorization results, prompt requests from the authorization thread) is queued and
 * processed one at a time by whichever thread finds the mailbox idle, so a call never runs on two
 * threads at once and leg callbacks made while actions run are simply queued.
 */
public final class Call {
    private static final Logger LOG = LoggerFactory.getLogger(Call.class);

    private final CallMachine machine;
    private final CallScheduler scheduler;
    private final LegFactory legFactory;
    private final AuthorizationApplication auth;
    private final CallRecordSink sink;
    private final Consumer<Call> onEnd;
    private final org.tollgate.callcontrol.record.FeatureRecordSink featureSink;
    private final org.tollgate.callcontrol.engine.FeatureHandler features;
    private final Map<LegId, LegRouter> routers = new java.util.concurrent.ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    // touched only inside the mailbox
    private CallState state;
    private final Map<LegId, LegSignaling> legs = new HashMap<>();
    private final Map<CallTimer, CallScheduler.Cancellable> timers = new EnumMap<>(CallTimer.class);
    private final Map<CallTimer, Long> timerGeneration = new EnumMap<>(CallTimer.class);
    private AuthorizationSession authSession;
    private CallDigitSource authDigits;
    private volatile CallState published;
    private final Map<LegId, org.tollgate.callcontrol.media.MediaCounters> finalCounters = new HashMap<>();
    private final java.util.concurrent.CompletableFuture<org.tollgate.callcontrol.engine.CallOutcome> outcome =
            new java.util.concurrent.CompletableFuture<>();

    public Call(CallMachine machine, CallScheduler scheduler, LegFactory legFactory, AuthorizationApplication auth,
                CallRecordSink sink, Consumer<Call> onEnd) {
        this(machine, scheduler, legFactory, auth, sink, onEnd, org.tollgate.callcontrol.record.FeatureRecordSink.none(),
                null);
    }

    /** With a feature record sink and the feature service carrying out feature actions (null: features refused). */
    public Call(CallMachine machine, CallScheduler scheduler, LegFactory legFactory, AuthorizationApplication auth,
                CallRecordSink sink, Consumer<Call> onEnd, org.tollgate.callcontrol.record.FeatureRecordSink featureSink,
                org.tollgate.callcontrol.engine.FeatureHandler features) {
        this.featureSink = featureSink;
        this.features = features;
        this.machine = machine;
        this.scheduler = scheduler;
        this.legFactory = legFactory;
        this.auth = auth;
        this.sink = sink;
        this.onEnd = onEnd;
    }

    /** Binds the incoming leg and runs the machine's start transition. */
    public void start(CallData data, LegSignaling incoming, Optional<String> calledNumber) {
        enqueue(() -> {
            legs.put(data.incomingLeg(), incoming);
            LOG.debug("{}: setup from {} ({}){}", data.ref(), incoming.describe(), data.caller().number(),
                    calledNumber.map(n -> " to " + n).orElse(""));
            apply(machine.start(data, calledNumber, scheduler.now()));
        });
    }

    public CallRef ref() {
        return published.data().ref();
    }

    /** The latest state (for show commands; may lag the mailbox by one event). */
    public CallState state() {
        return published;
    }

    /** Completes when the call first connects, or is released before that (with the cause). */
    public java.util.concurrent.CompletionStage<org.tollgate.callcontrol.engine.CallOutcome> outcome() {
        return outcome.minimalCompletionStage();
    }

    /** Queues an event for the machine. */
    public void deliver(CallEvent event) {
        enqueue(() -> process(event));
    }

    /** The {@link LegEvents} handed to leg {@code leg}: a router that a feature may later point elsewhere. */
    public LegRouter routerFor(LegId leg) {
        return routers.computeIfAbsent(leg, l -> new LegRouter(eventsFor(l)));
    }

    /**
     * Starts this call with legs taken over from elsewhere: {@code incoming} becomes leg 1 and, when
     * given, {@code attached} the next leg; {@code start} computes the machine's start transition.
     */
    public void startWith(CallData data, org.tollgate.callcontrol.engine.DetachedLeg incoming,
                          Optional<org.tollgate.callcontrol.engine.DetachedLeg> attached,
                          java.util.function.Function<CallData, Transition> start, Runnable afterStart,
                          java.util.function.UnaryOperator<LegEvents> incomingEvents) {
        enqueue(() -> {
            legs.put(data.incomingLeg(), incoming.signaling());
            LegId second = new LegId(data.ref(), data.nextLegIndex());
            attached.ifPresent(a -> legs.put(second, a.signaling()));
            LOG.info("{}: setup by a feature for {} ({})", data.ref(), incoming, data.caller().number());
            incoming.signaling().joined(data.ref(), true);
            attached.ifPresent(a -> a.signaling().joined(data.ref(), false));
            apply(start.apply(data));
            afterStart.run();
            incoming.retarget(incomingEvents.apply(routerFor(data.incomingLeg())));
            attached.ifPresent(a -> a.retarget(routerFor(second)));
        });
    }

    /**
     * Takes leg {@code leg} out of this call without releasing it (its events are held until the
     * new owner retargets them); empty when the leg is not bound (any more). Runs in the mailbox.
     * The leg's events are held from the moment of this request, so an event the leg reports while
     * the detach waits in the mailbox goes to the new owner rather than being handled here after the
     * leg left; events reported before the request are handled here first.
     */
    public java.util.concurrent.CompletableFuture<Optional<org.tollgate.callcontrol.engine.DetachedLeg>> detach(
            LegId leg) {
        return detachIf(leg, s -> Optional.of(Boolean.TRUE)).thenApply(t -> t.map(Taken::leg));
    }

    /** A leg taken out of a call, with what {@code detachIf}'s inspection saw in the same mailbox turn. */
    public record Taken<T>(T seen, org.tollgate.callcontrol.engine.DetachedLeg leg) {
    }

    /**
     * As {@link #detach(LegId)}, deciding and detaching in one mailbox turn: {@code inspect} sees the
     * call's state while the leg is still bound (it may use {@link #boundLeg}); when it returns
     * empty the leg stays (its held events are handed back here, in order) and the result is empty.
     * So what the caller learns (e.g. whether the leg's user has answered) is exactly the state the
     * leg leaves in: nothing can be handled by this call between the look and the detach.
     */
    public <T> java.util.concurrent.CompletableFuture<Optional<Taken<T>>> detachIf(
            LegId leg, java.util.function.Function<CallState, Optional<T>> inspect) {
        java.util.concurrent.CompletableFuture<Optional<Taken<T>>> f = new java.util.concurrent.CompletableFuture<>();
        LegRouter early = routers.get(leg);
        boolean heldHere = early != null && early.hold();
        enqueue(() -> {
            LegSignaling s = legs.get(leg);
            LegRouter r = routers.get(leg);
            Optional<T> seen;
            try {
                seen = s == null || r == null || state instanceof CallState.Released
                        ? Optional.empty() : inspect.apply(state);
            } catch (RuntimeException e) {
                if (heldHere) {
                    early.resume();
                }
                f.completeExceptionally(e);
                return;
            }
            if (seen.isEmpty() || r != early) {
                if (heldHere) {
                    early.resume();
                }
            }
            if (seen.isEmpty()) {
                f.complete(Optional.empty());
                return;
            }
            r.hold();
            s.disconnectAudio();
            legs.remove(leg);
            routers.remove(leg);
            f.complete(Optional.of(new Taken<>(seen.get(), new org.tollgate.callcontrol.engine.DetachedLeg(s, r))));
        });
        return f;
    }

    /**
     * Gives leg {@code leg} back to this call (a consult call was cancelled): bound again, its events
     * delivered here. False when the call has ended meanwhile (the caller then releases the leg).
     */
    public java.util.concurrent.CompletableFuture<Boolean> reattach(LegId leg,
                                                                    org.tollgate.callcontrol.engine.DetachedLeg dl) {
        java.util.concurrent.CompletableFuture<Boolean> f = new java.util.concurrent.CompletableFuture<>();
        enqueue(() -> {
            if (state instanceof CallState.Released) {
                f.complete(false);
                return;
            }
            legs.put(leg, dl.signaling());
            dl.retarget(routerFor(leg));
            f.complete(true);
        });
        return f;
    }

    /** The signaling of bound leg {@code leg}; call only from inside the mailbox (an {@link #inMailbox} task). */
    public Optional<LegSignaling> boundLeg(LegId leg) {
        return Optional.ofNullable(legs.get(leg));
    }

    /** Runs {@code task} with this call's state inside the mailbox. */
    public <T> java.util.concurrent.CompletableFuture<T> inMailbox(java.util.function.Function<CallState, T> task) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        enqueue(() -> {
            try {
                f.complete(task.apply(state));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** The {@link LegEvents} that deliver to this call as leg {@code leg}. */
    public LegEvents eventsFor(LegId leg) {
        return new LegEvents() {
            @Override
            public void digits(String digits) {
                deliver(new CallEvent.Digits(leg, digits));
            }

            @Override
            public void alerting() {
                deliver(new CallEvent.LegAlerting(leg));
            }

            @Override
            public void answered() {
                deliver(new CallEvent.LegAnswered(leg));
            }

            @Override
            public void released(Q850Cause cause) {
                deliver(new CallEvent.LegReleased(leg, cause));
            }

            @Override
            public void flash() {
                deliver(new CallEvent.HookFlash(leg));
            }
        };
    }

    private void enqueue(Runnable r) {
        mailbox.add(r);
        drain();
    }

    private void drain() {
        while (!mailbox.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                Runnable r;
                while ((r = mailbox.poll()) != null) {
                    r.run();
                }
            } finally {
                draining.set(false);
            }
        }
    }

    private void process(CallEvent event) {
        if (state == null) {
            return;
        }
        apply(machine.handle(state, event, scheduler.now()));
    }

    private void apply(Transition t) {
        CallState before = state;
        state = t.next();
        published = state;
        if (state instanceof CallState.Released && !(before instanceof CallState.Released)) {
            legs.forEach((id, leg) -> leg.counters().ifPresent(c -> finalCounters.put(id, c)));
        }
        for (Action a : t.actions()) {
            run(a);
        }
        if (state instanceof CallState.Connected) {
            outcome.complete(new org.tollgate.callcontrol.engine.CallOutcome.Answered());
        } else if (state instanceof CallState.Released r) {
            outcome.complete(new org.tollgate.callcontrol.engine.CallOutcome.Failed(r.cause()));
        }
        if (state instanceof CallState.Released r && !(before instanceof CallState.Released)) {
            if (r.cause().equals(Q850Cause.NORMAL_CALL_CLEARING)) {
                LOG.debug("{}: released, cause {} ({}) by {}", r.data().ref(), r.cause().describe(), r.cause().hex(),
                        r.source());
            } else {
                LOG.info("{}: released, cause {} ({}) by {}", r.data().ref(), r.cause().describe(), r.cause().hex(),
                        r.source());
            }
            timers.values().forEach(CallScheduler.Cancellable::cancel);
            timers.clear();
            onEnd.accept(this);
        }
    }

    private void run(Action action) {
        switch (action) {
            case Action.Send s -> send(s.leg(), s.command());
            case Action.CreateLeg c -> createLeg(c);
            case Action.StartTimer st -> startTimer(st.timer(), st.after());
            case Action.CancelTimer ct -> {
                CallScheduler.Cancellable c = timers.remove(ct.timer());
                timerGeneration.merge(ct.timer(), 1L, Long::sum);
                if (c != null) {
                    c.cancel();
                }
            }
            case Action.Authorize az -> authorize(az);
            case Action.ForwardDigits f -> {
                if (authDigits != null) {
                    authDigits.offer(f.digits());
                }
            }
            case Action.CancelAuthorization ca -> {
                if (authDigits != null) {
                    authDigits.close();
                }
                if (authSession != null) {
                    authSession.hangUp();
                }
                authSession = null;
                authDigits = null;
            }
            case Action.Emit e -> emit(e.event());
            case Action.EmitFeature e -> featureSink.accept(e.event());
            case Action.Unbridge u -> {
                LegSignaling l = legs.get(u.leg());
                if (l != null) {
                    l.disconnectAudio();
                }
            }
            case Action.RequestFeature rf -> {
                if (features == null) {
                    deliver(new CallEvent.FeatureDone(Optional.of(Q850Cause.of(29))));
                } else {
                    features.request(state.data().ref(), state.data().caller(), rf.request());
                }
            }
            case Action.BlindTransfer bt -> {
                if (features == null) {
                    deliver(new CallEvent.FeatureDone(Optional.of(Q850Cause.of(29))));
                } else {
                    features.blindTransfer(state.data().ref(), bt.transferor(), bt.transferee(), bt.number());
                }
            }
            case Action.Consult k -> {
                if (features == null) {
                    deliver(new CallEvent.FeatureDone(Optional.of(Q850Cause.of(29))));
                } else {
                    features.consult(state.data().ref(), k.consulter(), k.held(), k.number());
                }
            }
            case Action.Park p -> {
                if (features == null) {
                    deliver(new CallEvent.FeatureDone(Optional.of(Q850Cause.of(29))));
                } else {
                    features.park(state.data().ref(), p.parker(), p.parked());
                }
            }
        }
    }

    private void emit(CallRecordEvent event) {
        if (event instanceof CallRecordEvent.Routed r) {
            LOG.debug("{}: routed {} via dial-peer {} ({})", r.call(), r.calledNumber(), r.dialPeerTag(), r.target());
        } else if (event instanceof CallRecordEvent.AttemptFailed f) {
            LOG.info("{}: dial-peer {} failed: {} (cause {})", f.call(), f.dialPeerTag(), f.reason(), f.cause().hex());
        } else if (event instanceof CallRecordEvent.Connected c) {
            LOG.debug("{}: connected via dial-peer {}", c.call(), c.dialPeerTag());
        }
        if (event instanceof CallRecordEvent.Released r && !finalCounters.isEmpty()) {
            sink.accept(r.withMedia(finalCounters));
            return;
        }
        sink.accept(event);
    }

    private void send(LegId leg, LegCommand command) {
        LegSignaling s = legs.get(leg);
        if (s == null) {
            return;
        }
        s.handle(command);
        if (command instanceof LegCommand.Connect c) {
            LegSignaling peer = legs.get(c.peer());
            if (peer != null) {
                peer.audioToUser().ifPresent(s::connectAudio);
            }
        }
        if (command instanceof LegCommand.Release && !leg.isIncoming()) {
            legs.remove(leg);
        }
    }

    private void createLeg(Action.CreateLeg c) {
        LegId id = c.request().leg();
        switch (legFactory.create(c.request(), routerFor(id))) {
            case LegFactory.Created created -> {
                legs.put(id, created.leg());
                created.leg().handle(new LegCommand.Offer(c.request().calledNumber(), c.request().callingNumber(),
                        c.request().callingName()));
            }
            case LegFactory.Failed f -> {
                LOG.debug("{}: leg to dial-peer {} not created: {}", id, c.request().peer().tag(), f.reason());
                deliver(new CallEvent.LegReleased(id, f.cause()));
            }
        }
    }

    private void startTimer(CallTimer timer, Duration after) {
        CallScheduler.Cancellable old = timers.remove(timer);
        if (old != null) {
            old.cancel();
        }
        long gen = timerGeneration.merge(timer, 1L, Long::sum);
        timers.put(timer, scheduler.schedule(after, () -> enqueue(() -> {
            if (timerGeneration.getOrDefault(timer, 0L) == gen && timers.containsKey(timer)) {
                timers.remove(timer);
                process(new CallEvent.TimerExpired(timer));
            }
        })));
    }

    private void authorize(Action.Authorize az) {
        CallDigitSource digits = new CallDigitSource(scheduler);
        LegId incoming = state.data().incomingLeg();
        CallRef ref = state.data().ref();
        Duration interdigit = machine.settings().interdigit();
        PromptPlayer prompts = url -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("caller hung up");
            }
            enqueue(() -> {
                if (authDigits == digits) {
                    send(incoming, new LegCommand.PlayPrompt(url));
                }
            });
        };
        AuthorizationContext ctx = new AuthorizationContext() {
            @Override
            public CallRef call() {
                return ref;
            }

            @Override
            public DigitSource digits() {
                return digits;
            }

            @Override
            public PromptPlayer prompts() {
                return prompts;
            }

            @Override
            public Duration interdigitTimeout() {
                return interdigit;
            }
        };
        authDigits = digits;
        LOG.info("{}: FAC required by lpcor policy {} (dial-peer {})", ref, az.request().policy(),
                az.request().dialPeerTag());
        AuthorizationSession session;
        try {
            session = auth.authorize(az.request(), ctx);
        } catch (RuntimeException e) {
            LOG.warn("{}: authorization application failed to start", ref, e);
            session = AuthorizationSession.completed(new AuthorizationResult.Unavailable(String.valueOf(e)));
        }
        authSession = session;
        int seq = az.seq();
        session.result().whenComplete((r, ex) -> enqueue(() -> {
            if (authDigits == digits) {
                authDigits = null;
                authSession = null;
            }
            AuthorizationResult result = ex != null || r == null
                    ? new AuthorizationResult.Unavailable(ex == null ? "no result" : String.valueOf(ex))
                    : r;
            process(new CallEvent.AuthorizationDone(seq, result));
        }));
    }

    /** Legs currently bound (for show commands). */
    public List<LegId> legIds() {
        return List.copyOf(legs.keySet());
    }
}
