package org.tollgate.callcontrol.feature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.auth.AuthorizationRequest;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.call.CallState;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.lpcor.LpcorAccess;
import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.media.AudioSink;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.routing.DestinationPattern;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPeerTarget;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.time.ManualScheduler;

/**
 * Phones A, B, C, D (numbers 1001..1004, SIP-like fake legs, each in its own LPCOR group GA..GD,
 * reached through line dial-peers) around a real {@link CallControl}. {@code facNeeded("A>C")}
 * makes the policy of C's group demand a FAC from A's group (every other source accepted). The
 * fake auth package records who is asked and answers when the test says so ({@link #enterFac}).
 */
final class FeatureFixture {
    static final String A = "1001";
    static final String B = "1002";
    static final String C = "1003";
    static final String D = "1004";

    final ManualScheduler clock = new ManualScheduler();
    final List<CallRecordEvent> records = new CopyOnWriteArrayList<>();
    final List<FeatureRecordEvent> features = new CopyOnWriteArrayList<>();
    final List<AuthorizationRequest> asked = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<AuthorizationResult>> pendingAuth = new CopyOnWriteArrayList<>();
    final Map<String, Phone> phones = new LinkedHashMap<>();
    boolean autoFac = true;
    /** Pairs like {@code "A>D"}: D's policy rejects calls from A's group (LPCOR block). */
    final List<String> rejected = new ArrayList<>();
    FeatureSettings featureSettings = FeatureSettings.NONE;
    CallSettings settings;
    CallControl calls;

    /** A phone; each call it takes or makes is a separate leg (as a SIP phone's dialogs). */
    final class Phone {
        final String number;
        final String group;
        final List<FakeLeg> legs = new CopyOnWriteArrayList<>();
        boolean busy;

        Phone(String number, String group) {
            this.number = number;
            this.group = group;
        }

        Caller caller() {
            return new Caller("phone " + number, number, "", Optional.of(group));
        }

        /** Places a call (en-bloc, like a SIP INVITE). */
        FakeLeg call(String to) {
            FakeLeg leg = new FakeLeg(this, "out-" + legs.size());
            legs.add(leg);
            IncomingCall h = calls.startCall(caller(), leg, Optional.of(to));
            leg.events = h.events();
            leg.call = h.ref();
            return leg;
        }

        FakeLeg last() {
            return legs.getLast();
        }

        /** Legs offered to this phone (incoming calls). */
        List<FakeLeg> offered() {
            return legs.stream().filter(l -> l.commands.stream().anyMatch(LegCommand.Offer.class::isInstance)).toList();
        }
    }

    /** A leg of a phone: records commands; the test plays the phone's user. */
    final class FakeLeg implements LegSignaling {
        final Phone phone;
        final String name;
        final List<LegCommand> commands = new CopyOnWriteArrayList<>();
        final List<short[]> heard = new CopyOnWriteArrayList<>();
        volatile LegEvents events;
        volatile CallRef call;
        volatile AudioSink talkTo;
        /** Runs once, the next time call control calls {@link #disconnectAudio} (interleaving tests). */
        final AtomicReference<Runnable> onNextDisconnect = new AtomicReference<>();
        /** Runs once, the next time call control asks {@link #party} (it does so inside the call's queue). */
        final AtomicReference<Runnable> onNextParty = new AtomicReference<>();

        FakeLeg(Phone phone, String name) {
            this.phone = phone;
            this.name = name;
        }

        @Override
        public void handle(LegCommand command) {
            commands.add(command);
            if (command instanceof LegCommand.Offer) {
                events.alerting();
            }
        }

        @Override
        public Optional<AudioSink> audioToUser() {
            return Optional.of(heard::add);
        }

        @Override
        public void connectAudio(AudioSink peer) {
            talkTo = peer;
        }

        @Override
        public void disconnectAudio() {
            talkTo = null;
            Optional.ofNullable(onNextDisconnect.getAndSet(null)).ifPresent(Runnable::run);
        }

        @Override
        public Optional<Caller> party() {
            Optional.ofNullable(onNextParty.getAndSet(null)).ifPresent(Runnable::run);
            return Optional.empty();
        }

        void talk(short[] frame) {
            AudioSink s = talkTo;
            if (s != null) {
                s.accept(frame);
            }
        }

        void answer() {
            events.answered();
        }

        void hangUp() {
            events.released(Q850Cause.NORMAL_CALL_CLEARING);
        }

        boolean released() {
            return commands.stream().anyMatch(LegCommand.Release.class::isInstance);
        }

        boolean connected() {
            return commands.stream().anyMatch(LegCommand.Connect.class::isInstance) && !released();
        }

        Optional<LegCommand> lastCommand() {
            return commands.isEmpty() ? Optional.empty() : Optional.of(commands.getLast());
        }

        @Override
        public String describe() {
            return "phone " + phone.number + " " + name;
        }
    }

    FeatureFixture() {
        for (String[] p : new String[][] {{A, "GA"}, {B, "GB"}, {C, "GC"}, {D, "GD"}}) {
            phones.put(p[0], new Phone(p[0], p[1]));
        }
    }

    Phone phone(String number) {
        return phones.get(number);
    }

    /** Builds the engine; {@code facPairs} like {@code "A>C"}: calls from A's group to C's need a FAC. */
    FeatureFixture start(String... facPairs) {
        Map<String, String> groupOf = Map.of("A", "GA", "B", "GB", "C", "GC", "D", "GD");
        Map<String, LpcorPolicy> policies = new LinkedHashMap<>();
        for (String pair : facPairs) {
            String src = groupOf.get(pair.substring(0, 1));
            String dst = groupOf.get(pair.substring(2, 3));
            LpcorPolicy p = policies.computeIfAbsent(dst, d -> {
                LpcorPolicy x = LpcorPolicy.of(d).withServiceFac(true);
                for (String g : groupOf.values()) {
                    x = x.with(g, LpcorAccess.ACCEPT);
                }
                return x;
            });
            policies.put(dst, p.with(src, LpcorAccess.ACCEPT_FAC));
        }
        for (String pair : rejected) {
            String src = groupOf.get(pair.substring(0, 1));
            String dst = groupOf.get(pair.substring(2, 3));
            LpcorPolicy p = policies.computeIfAbsent(dst, d -> {
                LpcorPolicy x = LpcorPolicy.of(d);
                for (String g : groupOf.values()) {
                    x = x.with(g, LpcorAccess.ACCEPT);
                }
                return x;
            });
            policies.put(dst, p.with(src, LpcorAccess.REJECT));
        }
        LpcorTable lpcor = new LpcorTable(true, List.of(new LpcorGroup(1, "GA"), new LpcorGroup(2, "GB"),
                new LpcorGroup(3, "GC"), new LpcorGroup(4, "GD")), policies, LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
        List<DialPeer> peers = new ArrayList<>();
        int tag = 20001;
        for (Phone p : phones.values()) {
            DestinationPattern pattern = ((DestinationPattern.Compiled) DestinationPattern.compile(p.number)).pattern();
            peers.add(new DialPeer(tag++, pattern, new DialPeerTarget.Line(p.number, "phone " + p.number), 0, false,
                    Optional.of(p.group), Optional.of(p.group)));
        }
        settings = CallSettings.of(new DialPlan(peers), lpcor).withFeatures(featureSettings);
        LegFactory lines = (req, ev) -> {
            DialPeerTarget.Line l = (DialPeerTarget.Line) req.peer().target();
            Phone p = phones.get(l.number());
            if (p.busy) {
                return new LegFactory.Failed(Q850Cause.USER_BUSY, "busy");
            }
            FakeLeg leg = new FakeLeg(p, "in-" + p.legs.size());
            leg.events = ev;
            leg.call = req.leg().call();
            p.legs.add(leg);
            return new LegFactory.Created(leg);
        };
        AuthorizationApplication auth = (req, ctx) -> {
            asked.add(req);
            if (autoFac) {
                return AuthorizationSession.completed(new AuthorizationResult.Success("786"));
            }
            CompletableFuture<AuthorizationResult> f = new CompletableFuture<>();
            pendingAuth.add(f);
            return new AuthorizationSession() {
                @Override
                public java.util.concurrent.CompletionStage<AuthorizationResult> result() {
                    return f;
                }

                @Override
                public void hangUp() {
                    f.complete(new AuthorizationResult.Aborted());
                }
            };
        };
        Sink sink = new Sink();
        calls = new CallControl(() -> settings, clock, lines, auth, sink);
        return this;
    }

    private final class Sink implements CallRecordSink, FeatureRecordSink {
        @Override
        public void accept(CallRecordEvent event) {
            records.add(event);
        }

        @Override
        public void accept(FeatureRecordEvent event) {
            features.add(event);
        }
    }

    /** Completes every pending authorization step with {@code result}. */
    void enterFac(AuthorizationResult result) {
        for (CompletableFuture<AuthorizationResult> f : List.copyOf(pendingAuth)) {
            pendingAuth.remove(f);
            f.complete(result);
        }
    }

    /** Who was asked for a FAC, as "caller>called" numbers. */
    List<String> askedPairs() {
        return asked.stream().map(r -> r.callingNumber() + ">" + r.calledNumber()).toList();
    }

    CallState state(CallRef ref) {
        return calls.state(ref).orElseThrow(() -> new AssertionError("call " + ref + " is gone"));
    }

    /** A connects to B (no FAC involved unless configured): returns A's leg. */
    FakeLeg connect(String from, String to) {
        FakeLeg a = phone(from).call(to);
        phone(to).last().answer();
        return a;
    }

    <T extends FeatureRecordEvent> List<T> featureRecords(Class<T> type) {
        return features.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T done(java.util.concurrent.CompletionStage<T> s) {
        return s.toCompletableFuture().join();
    }

    static FeatureSettings parkAndMeetMe() {
        return FeatureSettings.NONE.withParkSlots(List.of(FeatureSettings.ParkSlot.recalling("7001", Duration.ofSeconds(60)),
                FeatureSettings.ParkSlot.recalling("7002", Duration.ofSeconds(60)))).withMeetMe(Set.of("8000"));
    }
}
