package org.tollgate.callcontrol.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.callcontrol.call.MachineFixture.A;
import static org.tollgate.callcontrol.call.MachineFixture.B1;
import static org.tollgate.callcontrol.call.MachineFixture.B2;
import static org.tollgate.callcontrol.call.MachineFixture.REF;
import static org.tollgate.callcontrol.call.MachineFixture.T0;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.feature.FeatureRequest;
import org.tollgate.callcontrol.feature.FeatureSettings;
import org.tollgate.callcontrol.feature.forward.ForwardKind;
import org.tollgate.callcontrol.feature.forward.ForwardTable;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;

/** The feature transitions of the pure machine: forwards, FeatureWait, FlashDialing, FAC-exempt and joined starts. */
class FeatureMachineTest {
    static final DialPeer B_PEER = DialPeer.pots(11, "99329", "0/1/1");
    static final DialPeer C_PEER = DialPeer.pots(12, "5000", "0/1/2");
    static final DialPeer TRUNK = DialPeer.pots(13, "8T", "0/1/9");

    static MachineFixture fixture(FeatureSettings features, Optional<String> callerGroup) {
        CallSettings s = CallSettings.of(new DialPlan(List.of(B_PEER, C_PEER, TRUNK)), MachineFixture.lpcor())
                .withPortOutgoingGroups(Map.of("0/1/9", "Trunk")).withFeatures(features);
        return new MachineFixture(s, callerGroup);
    }

    static FeatureSettings forward(ForwardKind kind, Duration timeout) {
        return FeatureSettings.NONE.withForwards(ForwardTable.EMPTY.with("99329", kind, new ForwardTable.Target("5000",
                timeout)));
    }

    static List<Action> ofType(MachineFixture f, Class<? extends Action> type) {
        return f.actions.stream().filter(type::isInstance).toList();
    }

    @Nested
    class Forwarding {
        @Test
        @DisplayName("CFA: the dialled number is not offered; the call goes to the forward target; a Forwarded(all) feature record")
        void forwardAll() {
            MachineFixture f = fixture(forward(ForwardKind.ALL, Duration.ofSeconds(20)), Optional.empty()).dial("99329");
            assertEquals(12, f.created().getFirst().request().peer().tag());
            assertEquals(1, f.created().size());
            Action.EmitFeature e = (Action.EmitFeature) ofType(f, Action.EmitFeature.class).getFirst();
            assertEquals("all", ((FeatureRecordEvent.Forwarded) e.event()).kind());
        }

        @Test
        @DisplayName("CFB: attempt fails busy (17) -> AttemptFailed 'call-forward busy to 5000' and the target is tried instead of hunting")
        void forwardBusy() {
            MachineFixture f = fixture(forward(ForwardKind.BUSY, Duration.ofSeconds(20)), Optional.empty()).dial("99329")
                    .on(new CallEvent.LegReleased(B1, Q850Cause.USER_BUSY));
            assertEquals("call-forward busy to 5000", f.records(CallRecordEvent.AttemptFailed.class).getFirst().reason());
            assertEquals(B2, f.created().getFirst().request().leg());
            assertEquals(12, f.created().getFirst().request().peer().tag());
        }

        @Test
        @DisplayName("CFNA: the no-answer timer runs for the forward timeout; on expiry the ringing leg is released (19) and the target offered")
        void forwardNoAnswer() {
            MachineFixture f = fixture(forward(ForwardKind.NO_ANSWER, Duration.ofSeconds(7)), Optional.empty())
                    .dial("99329");
            assertTrue(f.did(new Action.StartTimer(CallTimer.NO_ANSWER, Duration.ofSeconds(7))));
            f.on(new CallEvent.LegAlerting(B1)).on(new CallEvent.TimerExpired(CallTimer.NO_ANSWER));
            assertEquals(List.of(new LegCommand.Release(Q850Cause.NO_ANSWER)), f.sentTo(B1));
            assertEquals(12, f.created().getFirst().request().peer().tag());
        }

        @Test
        @DisplayName("A forward target needing FAC from the caller starts the authorization step for the caller")
        void forwardToFacTarget() {
            CallSettings s = CallSettings.of(new DialPlan(List.of(B_PEER, TRUNK)), MachineFixture.lpcor())
                    .withPortOutgoingGroups(Map.of("0/1/9", "Trunk")).withFeatures(FeatureSettings.NONE.withForwards(
                            ForwardTable.EMPTY.with("99329", ForwardKind.ALL, ForwardTable.Target.of("8555"))));
            MachineFixture f = new MachineFixture(s, Optional.of("Users")).dial("99329").dial("#");
            CallState.Authorizing a = f.state(CallState.Authorizing.class);
            assertEquals("8555", a.hunt().called());
        }
    }

    @Nested
    class FeatureCodesAndNumbers {
        @Test
        @DisplayName("**3 (group pickup): FeatureWait and a RequestFeature action; no routing, no FAC")
        void pickupCode() {
            MachineFixture f = fixture(FeatureSettings.NONE, Optional.of("Users")).dial("**3");
            assertEquals(new FeatureRequest.GroupPickup(Optional.empty()), f.state(CallState.FeatureWait.class).request());
            assertTrue(f.did(new Action.RequestFeature(new FeatureRequest.GroupPickup(Optional.empty()))));
            assertTrue(ofType(f, Action.Authorize.class).isEmpty());
        }

        @Test
        @DisplayName("FeatureDone without failure: dial tone again and a fresh digit collection (e.g. after setting a forward)")
        void doneGivesDialTone() {
            MachineFixture f = fixture(FeatureSettings.NONE, Optional.empty()).dial("**15000#")
                    .on(new CallEvent.FeatureDone(Optional.empty()));
            assertEquals("", f.state(CallState.CollectingDigits.class).digits());
            assertEquals(List.of(new LegCommand.PlayTone(Tone.DIAL)), f.sentTo(A));
        }

        @Test
        @DisplayName("FeatureDone with a failure: reorder and release with that cause; caller hang-up during FeatureWait: released by the caller")
        void failureAndHangUp() {
            MachineFixture f = fixture(FeatureSettings.NONE, Optional.empty()).dial("**3")
                    .on(new CallEvent.FeatureDone(Optional.of(Q850Cause.NO_CIRCUIT_AVAILABLE)));
            assertEquals(Q850Cause.NO_CIRCUIT_AVAILABLE, f.state(CallState.Released.class).cause());
            assertTrue(f.sentTo(A).contains(new LegCommand.PlayTone(Tone.REORDER)));
            MachineFixture g = fixture(FeatureSettings.NONE, Optional.empty()).dial("**3")
                    .on(new CallEvent.LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING));
            assertEquals(ReleaseSource.CALLING_PARTY, g.state(CallState.Released.class).source());
        }

        @Test
        @DisplayName("A park slot or meet-me number is a feature number: Retrieve / MeetMe requests, even where a dial-peer could match more")
        void featureNumbers() {
            FeatureSettings fs = FeatureSettings.NONE.withParkSlots(List.of(FeatureSettings.ParkSlot.recalling("7001",
                    Duration.ofSeconds(60)))).withMeetMe(java.util.Set.of("8000"));
            assertEquals(new FeatureRequest.Retrieve("7001"),
                    fixture(fs, Optional.empty()).dial("7001").state(CallState.FeatureWait.class).request());
            assertEquals(new FeatureRequest.MeetMe("8000"),
                    fixture(fs, Optional.empty()).dial("8000").state(CallState.FeatureWait.class).request());
            assertEquals("70", fixture(fs, Optional.empty()).dial("70").state(CallState.CollectingDigits.class).digits(),
                    "a prefix of a feature number keeps collecting");
        }

        @Test
        @DisplayName("An invalid code (**0) or the park code outside a call (**6): cause 1 with reorder")
        void invalidCodes() {
            assertEquals(Q850Cause.UNALLOCATED_NUMBER,
                    fixture(FeatureSettings.NONE, Optional.empty()).dial("**0").state(CallState.Released.class).cause());
            assertEquals(Q850Cause.UNALLOCATED_NUMBER,
                    fixture(FeatureSettings.NONE, Optional.empty()).dial("**6").state(CallState.Released.class).cause());
        }
    }

    @Nested
    class HookFlash {
        MachineFixture connected() {
            return fixture(FeatureSettings.NONE.withFlashConsult(false), Optional.empty()).dial("99329")
                    .on(new CallEvent.LegAnswered(B1));
        }

        @Test
        @DisplayName("With transfer-system full-consult (the default) a number dialled after the flash starts a consult: Consult(flasher, other, number)")
        void flashConsult() {
            MachineFixture f = fixture(FeatureSettings.NONE, Optional.empty()).dial("99329")
                    .on(new CallEvent.LegAnswered(B1)).on(new CallEvent.HookFlash(B1)).on(new CallEvent.Digits(B1, "5000"));
            assertTrue(f.did(new Action.Consult(B1, A, "5000")));
        }

        @Test
        @DisplayName("Flash by the called party: both legs unbridged, dial tone to the flasher, inter-digit timer")
        void flashUnbridges() {
            MachineFixture f = connected().on(new CallEvent.HookFlash(B1));
            assertTrue(f.did(new Action.Unbridge(A)) && f.did(new Action.Unbridge(B1)));
            assertEquals(List.of(new LegCommand.PlayTone(Tone.DIAL)), f.sentTo(B1));
            assertEquals(B1, f.state(CallState.FlashDialing.class).flasher());
        }

        @Test
        @DisplayName("Flash + a routable number: BlindTransfer(flasher, other party, number); further digits ignored; a refusal reconnects")
        void flashTransfer() {
            MachineFixture f = connected().on(new CallEvent.HookFlash(B1)).on(new CallEvent.Digits(B1, "5000"));
            assertTrue(f.did(new Action.BlindTransfer(B1, A, "5000")));
            CallState before = f.state;
            f.on(new CallEvent.Digits(B1, "1"));
            assertEquals(before, f.state);
            f.on(new CallEvent.FeatureDone(Optional.of(Q850Cause.of(29))));
            f.state(CallState.Connected.class);
            assertTrue(f.sentTo(A).contains(new LegCommand.Connect(B1)));
        }

        @Test
        @DisplayName("Flash + **6: Park(flasher, other party)")
        void flashPark() {
            MachineFixture f = connected().on(new CallEvent.HookFlash(B1)).on(new CallEvent.Digits(B1, "**6"));
            assertTrue(f.did(new Action.Park(B1, A)));
        }

        @Test
        @DisplayName("Flash by the caller transfers the called party; the other party's digits are ignored; no digits before the timeout reconnects")
        void flashByCaller() {
            MachineFixture f = connected().on(new CallEvent.HookFlash(A)).on(new CallEvent.Digits(B1, "5000"));
            assertTrue(ofType(f, Action.BlindTransfer.class).isEmpty());
            f.on(new CallEvent.TimerExpired(CallTimer.INTERDIGIT));
            f.state(CallState.Connected.class);
            f.on(new CallEvent.HookFlash(A)).on(new CallEvent.Digits(A, "5000"));
            assertTrue(f.did(new Action.BlindTransfer(A, B1, "5000")));
        }

        @Test
        @DisplayName("Hang-ups during flash dialling end the call like in Connected")
        void hangUps() {
            MachineFixture f = connected().on(new CallEvent.HookFlash(B1))
                    .on(new CallEvent.LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING));
            assertEquals(List.of(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING)), f.sentTo(B1));
            MachineFixture g = connected().on(new CallEvent.HookFlash(A))
                    .on(new CallEvent.LegReleased(B1, Q850Cause.NORMAL_CALL_CLEARING));
            assertEquals(ReleaseSource.CALLED_PARTY, g.state(CallState.Released.class).source());
        }
    }

    @Nested
    class Starts {
        @Test
        @DisplayName("FAC-exempt call (park recall, SNR, 3pcc, parallel hunt, whisper intercom): accept-fac is an accept, no authorization step")
        void facExempt() {
            CallMachine m = new CallMachine(CallSettings.of(new DialPlan(List.of(TRUNK)), MachineFixture.lpcor())
                    .withPortOutgoingGroups(Map.of("0/1/9", "Trunk")));
            CallData d = CallData.start(REF, new Caller("x", "1", "", Optional.of("Users")), T0).withFacExempt();
            Transition t = m.start(d, Optional.of("8555"), T0);
            assertTrue(t.next() instanceof CallState.OutgoingSetup);
            assertFalse(t.actions().stream().anyMatch(Action.Authorize.class::isInstance));
            Transition normal = m.start(CallData.start(REF, d.caller(), T0), Optional.of("8555"), T0);
            assertTrue(normal.next() instanceof CallState.Authorizing);
        }

        @Test
        @DisplayName("startJoined: an attached answered leg connects at once with Routed + Connected records and no FAC; an alerting one gives ringback")
        void joined() {
            CallMachine m = new CallMachine(CallSettings.of(new DialPlan(List.of(TRUNK)), MachineFixture.lpcor())
                    .withPortOutgoingGroups(Map.of("0/1/9", "Trunk")));
            CallData d = CallData.start(REF, new Caller("x", "1", "", Optional.of("Users")), T0);
            Transition t = m.startJoined(d, B1, TRUNK, "8555", true, T0);
            assertTrue(t.next() instanceof CallState.Connected);
            assertTrue(t.actions().contains(new Action.Send(A, new LegCommand.Connect(B1))));
            assertTrue(t.actions().contains(new Action.Send(B1, new LegCommand.Connect(A))));
            assertFalse(t.actions().stream().anyMatch(Action.Authorize.class::isInstance));
            Transition r = m.startJoined(d, B1, TRUNK, "8555", false, T0);
            assertTrue(r.next() instanceof CallState.Alerting);
            assertTrue(r.actions().contains(new Action.Send(A, new LegCommand.PlayTone(Tone.RINGBACK))));
        }
    }
}
