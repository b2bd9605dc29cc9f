package org.tollgate.cdr.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.record.ReleaseSource;

/**
 * Folds call control's immutable {@link CallRecordEvent}s into one {@link CallLegRecord} per leg
 * (STOP records), and keeps the live legs for {@code show call active voice}.
 *
 * <p>Lifecycle of one call: {@code Setup} opens the call and its incoming leg; {@code Routed}
 * opens an outgoing leg; {@code AttemptFailed} with a leg ends that leg; {@code FacResult} sets
 * the FAC digits/status of every leg; {@code Alerting}/{@code Connected} advance legs; {@code
 * Released} ends every open leg, removes the call from the active set <em>first</em> and then
 * passes the finished records, in leg order, to {@code completed}. So a released call is never
 * listed as active.
 *
 * <p>Feature events ({@link FeatureRecordEvent}: forward, transfer, conference, park, pickup) each
 * become one {@link FeatureRecord} at once, correlated with the call named by the event
 * ({@code fcid} = that call's {@link ConnectionId}, also for a call released moments ago: the
 * last {@value #RECENT_CALLS} released calls are remembered), and go to {@code features}. A feature
 * event for a call never seen gets a connection id of its own.
 *
 * <p>{@link #accept} never blocks beyond a short per-call lock; events of one call arrive in order
 * from its serial context (callcontrol's contract). Call events for an unknown call are ignored.
 */
public final class CallRecordFolder implements CallRecordSink, FeatureRecordSink {
    /** How many released calls are remembered for correlating late feature events (fixed). */
    public static final int RECENT_CALLS = 1024;

    private final Supplier<UUID> ids;
    private final MediaStats media;
    private final Consumer<List<CallLegRecord>> completed;
    private final Consumer<List<CallLegRecord>> started;
    private final Consumer<List<FeatureRecord>> features;
    private final Map<CallRef, Fold> calls = new ConcurrentHashMap<>();
    private final Map<CallRef, Correlation> recent = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CallRef, Correlation> eldest) {
                    return size() > RECENT_CALLS;
                }
            });

    /**
     * @param ids       connection-id source (random UUIDs in production, fixed ones in tests)
     * @param media     per-leg counters and coder
     * @param completed receives the finished legs of each released call; must not block
     */
    public CallRecordFolder(Supplier<UUID> ids, MediaStats media, Consumer<List<CallLegRecord>> completed) {
        this(ids, media, completed, l -> { });
    }

    /**
     * As above; {@code started} also receives snapshots of the two legs of a call when it connects
     * (for RADIUS START records); must not block.
     */
    public CallRecordFolder(Supplier<UUID> ids, MediaStats media, Consumer<List<CallLegRecord>> completed,
                            Consumer<List<CallLegRecord>> started) {
        this(ids, media, completed, started, f -> { });
    }

    /** As above; {@code features} receives each feature record as it happens; must not block. */
    public CallRecordFolder(Supplier<UUID> ids, MediaStats media, Consumer<List<CallLegRecord>> completed,
                            Consumer<List<CallLegRecord>> started, Consumer<List<FeatureRecord>> features) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.media = Objects.requireNonNull(media, "media");
        this.completed = Objects.requireNonNull(completed, "completed");
        this.started = Objects.requireNonNull(started, "started");
        this.features = Objects.requireNonNull(features, "features");
    }

    /**
     * Folds one feature event into a {@link FeatureRecord} of the call it names and hands it on.
     * The call's calling / called number fill in what the event does not carry.
     */
    @Override
    public void accept(FeatureRecordEvent event) {
        Fold f = calls.get(event.call());
        Correlation corr = f != null ? f.corr : recent.get(event.call());
        if (corr == null) {
            corr = new Correlation(ConnectionId.of(ids.get()), "", "");
            recent.put(event.call(), corr);
        }
        FeatureRecord r;
        synchronized (corr) {
            int seq = ++corr.features;
            if (event instanceof FeatureRecordEvent.Forwarded) {
                corr.forwards++;
            }
            String calling = f != null ? f.calling : corr.calling;
            String called = corr.called;
            if (f != null) {
                synchronized (f) {
                    called = Optional.ofNullable(f.legs.get(1)).map(l -> l.called).orElse("");
                }
            }
            FeatureRecords.Parts p = FeatureRecords.parts(event, corr.forwards, this::connectionId);
            r = new FeatureRecord(FeatureRecord.recordId(corr.id, seq), corr.id, seq, event.featureName(), event.at(),
                    true, 1, p.calling().isEmpty() ? calling : p.calling(),
                    !p.called().isEmpty() ? p.called() : called.isEmpty() ? p.calledFallback() : called, p.attributes());
        }
        features.accept(List.of(r));
    }

    /** The connection id of a call in progress or released lately. */
    private Optional<ConnectionId> connectionId(CallRef ref) {
        Fold f = calls.get(ref);
        if (f != null) {
            return Optional.of(f.id);
        }
        return Optional.ofNullable(recent.get(ref)).map(c -> c.id);
    }

    @Override
    public void accept(CallRecordEvent event) {
        if (event instanceof CallRecordEvent.Setup s) {
            Fold f = new Fold(ConnectionId.of(ids.get()), s);
            calls.put(s.call(), f);
            return;
        }
        Fold f = calls.get(event.call());
        if (f == null) {
            return;
        }
        List<CallLegRecord> done = null;
        List<CallLegRecord> connected = null;
        synchronized (f) {
            switch (event) {
                case CallRecordEvent.Setup s -> {
                }
                case CallRecordEvent.DigitsCollected d -> f.legs.get(1).called = d.calledNumber();
                case CallRecordEvent.Routed r -> f.routed(r);
                case CallRecordEvent.AttemptFailed a -> {
                    a.leg().map(l -> f.legs.get(l.index()))
                            .filter(l -> l != null && l.disconnect == null)
                            .ifPresent(l -> l.end(a.at(), a.cause(), ReleaseSource.CALLED_PARTY));
                    lpcorRejectedGroup(a.reason()).ifPresent(g -> f.lpcorOut = Optional.of(g));
                }
                case CallRecordEvent.AuthorizationStarted a -> f.lpcorOut = Optional.of(a.policy());
                case CallRecordEvent.FacResult r -> {
                    f.facDigits = r.facDigits() == null ? "" : r.facDigits();
                    f.facStatus = Optional.of(r.status());
                }
                case CallRecordEvent.Alerting a -> Optional.ofNullable(f.legs.get(a.leg().index()))
                        .ifPresent(l -> l.progress = LegProgress.ALERTING);
                case CallRecordEvent.Connected c -> {
                    f.connect(c.incoming().index(), c.at());
                    f.connect(c.outgoing().index(), c.at());
                    connected = f.records(Optional.of(Boolean.TRUE), media).stream()
                            .filter(l -> l.legIndex() == c.incoming().index() || l.legIndex() == c.outgoing().index())
                            .toList();
                }
                case CallRecordEvent.Released r -> {
                    for (LegAcc l : f.legs.values()) {
                        if (l.disconnect == null) {
                            l.end(r.at(), r.cause(), r.source());
                        }
                    }
                    calls.remove(r.call());
                    f.corr.called = Optional.ofNullable(f.legs.get(1)).map(l -> l.called).orElse("");
                    recent.put(r.call(), f.corr);
                    done = f.records(Optional.empty(), media);
                }
            }
        }
        if (connected != null) {
            started.accept(connected);
        }
        if (done != null) {
            completed.accept(done);
        }
    }

    /**
     * The destination group of an LPCOR rejection: call control reports it only in the attempt's
     * reason text ({@code lpcor policy AnalogPhone rejects LocalUser}); a policy is named after its
     * destination group.
     */
    static Optional<String> lpcorRejectedGroup(String reason) {
        String prefix = "lpcor policy ";
        if (reason == null || !reason.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = reason.substring(prefix.length());
        int sp = rest.indexOf(' ');
        return sp > 0 ? Optional.of(rest.substring(0, sp)) : Optional.empty();
    }

    /** A call in progress: call control's reference and snapshots of its open legs. */
    public record ActiveCall(CallRef ref, ConnectionId connectionId, List<CallLegRecord> legs) {
        public ActiveCall {
            legs = List.copyOf(legs);
        }
    }

    /** Snapshots of the open legs of calls not yet released, oldest call first. */
    public List<CallLegRecord> active() {
        return activeCalls().stream().flatMap(c -> c.legs().stream()).toList();
    }

    /** The calls not yet released, oldest first, with their open legs. */
    public List<ActiveCall> activeCalls() {
        List<Fold> folds = new ArrayList<>(calls.values());
        folds.sort(Comparator.comparingLong(f -> f.ref.id()));
        List<ActiveCall> out = new ArrayList<>();
        for (Fold f : folds) {
            synchronized (f) {
                out.add(new ActiveCall(f.ref, f.id, f.records(Optional.of(Boolean.TRUE), media)));
            }
        }
        return out;
    }

    private static final class LegAcc {
        final LegId leg;
        final LegKind kind;
        final CallOrigin origin;
        final String peerAddress;
        final int peerId;
        final String endpoint;
        final Instant setup;
        String called;
        LegProgress progress = LegProgress.CONNECTING;
        Instant connect;
        Instant disconnect;
        Q850Cause cause;
        ReleaseSource source;

        LegAcc(LegId leg, LegKind kind, CallOrigin origin, String peerAddress, int peerId, String endpoint,
               Instant setup, String called) {
            this.leg = leg;
            this.kind = kind;
            this.origin = origin;
            this.peerAddress = peerAddress;
            this.peerId = peerId;
            this.endpoint = endpoint;
            this.setup = setup;
            this.called = called;
        }

        void end(Instant at, Q850Cause c, ReleaseSource s) {
            disconnect = at;
            cause = c;
            source = s;
        }
    }

    /** What feature records of one call share: its id, the feature and forward counts, its numbers. */
    private static final class Correlation {
        final ConnectionId id;
        final String calling;
        volatile String called;
        int features;
        int forwards;

        Correlation(ConnectionId id, String calling, String called) {
            this.id = id;
            this.calling = calling;
            this.called = called;
        }
    }

    private static final class Fold {
        final ConnectionId id;
        final Correlation corr;
        final CallRef ref;
        final String calling;
        final Map<Integer, LegAcc> legs = new LinkedHashMap<>();
        String facDigits = "";
        Optional<FacStatus> facStatus = Optional.empty();
        Optional<String> lpcorIn;
        Optional<String> lpcorOut = Optional.empty();

        Fold(ConnectionId id, CallRecordEvent.Setup s) {
            this.id = id;
            this.ref = s.call();
            this.calling = s.callingNumber();
            this.corr = new Correlation(id, s.callingNumber(), s.calledNumber());
            this.lpcorIn = s.lpcorIncomingGroup();
            legs.put(s.leg().index(), new LegAcc(s.leg(), LegKind.ofEndpoint(s.endpoint()), CallOrigin.ANSWER,
                    s.callingNumber(), 0, s.endpoint(), s.at(), s.calledNumber()));
        }

        void routed(CallRecordEvent.Routed r) {
            if (r.lpcorIn().isPresent()) {
                lpcorIn = r.lpcorIn();
            }
            lpcorOut = r.lpcorOut();
            legs.get(1).called = r.calledNumber();
            legs.put(r.leg().index(), new LegAcc(r.leg(), LegKind.ofEndpoint(r.target()), CallOrigin.ORIGINATE,
                    r.calledNumber(), r.dialPeerTag(), r.target(), r.at(), r.calledNumber()));
        }

        void connect(int index, Instant at) {
            LegAcc l = legs.get(index);
            if (l != null) {
                l.connect = at;
                l.progress = LegProgress.ACTIVE;
            }
        }

        /** Records of every leg; {@code openOnly} present: only legs still open. */
        List<CallLegRecord> records(Optional<Boolean> openOnly, MediaStats media) {
            List<CallLegRecord> out = new ArrayList<>();
            for (LegAcc l : legs.values()) {
                if (openOnly.isPresent() && l.disconnect != null) {
                    continue;
                }
                out.add(new CallLegRecord(CallLegRecord.recordId(id, l.leg.index()), id, l.leg.index(), l.kind,
                        l.origin, l.peerAddress, "", l.peerId, l.endpoint, calling, l.called, l.setup,
                        Optional.ofNullable(l.connect), Optional.ofNullable(l.disconnect), Optional.ofNullable(l.cause),
                        Optional.ofNullable(l.source), l.progress, "speech", media.counters(l.leg),
                        media.coder(l.leg), facDigits, facStatus, lpcorIn, lpcorOut));
            }
            return out;
        }
    }
}
