package org.tollgate.callcontrol.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.callcontrol.call.MachineFixture.A;
import static org.tollgate.callcontrol.call.MachineFixture.B1;
import static org.tollgate.callcontrol.call.MachineFixture.B2;
import static org.tollgate.callcontrol.call.MachineFixture.B3;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.call.CallEvent.AuthorizationDone;
import org.tollgate.callcontrol.call.CallEvent.LegAlerting;
import org.tollgate.callcontrol.call.CallEvent.LegAnswered;
import org.tollgate.callcontrol.call.CallEvent.LegReleased;
import org.tollgate.callcontrol.call.CallEvent.TimerExpired;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.callcontrol.routing.DialPeer;

class CallMachineTest {
    static final DialPeer PLAIN = DialPeer.pots(11, "99329", "0/1/1");
    static final DialPeer TO_TRUNK = DialPeer.pots(20, "8T", "0/1/9");

    static MachineFixture plain() {
        return new MachineFixture(List.of(PLAIN, TO_TRUNK), Optional.empty());
    }

    static MachineFixture users() {
        return new MachineFixture(List.of(PLAIN, TO_TRUNK), Optional.of("Users"));
    }

    static MachineFixture alerting() {
        return plain().dial("99329").on(new LegAlerting(B1));
    }

    static MachineFixture connected() {
        return alerting().on(new LegAnswered(B1));
    }

    static final List<CallEvent> EVERY_KIND = List.of(new CallEvent.Digits(A, "1"), new LegAlerting(B1),
            new LegAnswered(B1), new LegReleased(B1, Q850Cause.USER_BUSY), new CallEvent.HookFlash(A),
            new TimerExpired(CallTimer.INTERDIGIT), new TimerExpired(CallTimer.NO_ANSWER),
            new AuthorizationDone(1, new AuthorizationResult.Success("786")), new LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING),
            new CallEvent.Clear(Q850Cause.NORMAL_UNSPECIFIED), new CallEvent.FeatureDone(java.util.Optional.empty()),
            new CallEvent.FeatureDone(java.util.Optional.of(Q850Cause.NORMAL_UNSPECIFIED)));

    @Nested
    @DisplayName("start")
    class Start {
        @Test
        @DisplayName("off-hook without a number: dial tone, inter-digit timer, Setup record")
        void offHookGivesDialTone() {
            MachineFixture f = plain();
            f.state(CallState.CollectingDigits.class);
            assertEquals(List.of(new LegCommand.PlayTone(Tone.DIAL)), f.sentTo(A));
            assertTrue(f.did(new Action.StartTimer(CallTimer.INTERDIGIT, CallSettings.DEFAULT_INTERDIGIT)));
            assertEquals(1, f.records(CallRecordEvent.Setup.class).size());
        }

        @Test
        @DisplayName("setup with a complete number routes at once (SIP INVITE)")
        void setupWithNumberRoutes() {
            CallMachine m = new CallMachine(CallSettings.of(new org.tollgate.callcontrol.routing.DialPlan(List.of(PLAIN)),
                    MachineFixture.lpcor()));
            Transition t = m.start(CallData.start(MachineFixture.REF, new Caller("sip", "1000", "", Optional.empty()),
                    MachineFixture.T0), Optional.of("99329"), MachineFixture.T0);
            CallState.OutgoingSetup s = (CallState.OutgoingSetup) t.next();
            assertEquals(B1, s.out());
        }
    }

    @Nested
    @DisplayName("CollectingDigits")
    class Collecting {
        @Test
        @DisplayName("first digit stops dial tone and restarts the inter-digit timer")
        void firstDigitStopsDialTone() {
            MachineFixture f = plain().dial("9");
            assertEquals("9", f.state(CallState.CollectingDigits.class).digits());
            assertEquals(List.of(new LegCommand.StopTone()), f.sentTo(A));
            assertTrue(f.did(new Action.StartTimer(CallTimer.INTERDIGIT, CallSettings.DEFAULT_INTERDIGIT)));
        }

        @Test
        @DisplayName("a complete unambiguous number routes to the dial-peer: leg created, Routed record, no-answer timer")
        void completeNumberRoutes() {
            MachineFixture f = plain().dial("9932").dial("9");
            assertEquals(B1, f.state(CallState.OutgoingSetup.class).out());
            assertEquals(11, f.created().getFirst().request().peer().tag());
            assertEquals(1, f.records(CallRecordEvent.Routed.class).size());
            assertTrue(f.did(new Action.StartTimer(CallTimer.NO_ANSWER, CallSettings.DEFAULT_RING_NO_ANSWER)));
            assertTrue(f.did(new Action.CancelTimer(CallTimer.INTERDIGIT)));
        }

        @Test
        @DisplayName("digits no dial-peer can match: released with cause 1 (unallocated) and reorder")
        void unmatchedReleases() {
            MachineFixture f = plain().dial("5");
            CallState.Released r = f.state(CallState.Released.class);
            assertEquals(Q850Cause.UNALLOCATED_NUMBER, r.cause());
            assertEquals(List.of(new LegCommand.StopTone(), new LegCommand.PlayTone(Tone.REORDER),
                    new LegCommand.Release(Q850Cause.UNALLOCATED_NUMBER)), f.sentTo(A));
        }

        @Test
        @DisplayName("inter-digit timeout without digits: released with cause 28")
        void timeoutWithoutDigits() {
            MachineFixture f = plain().on(new TimerExpired(CallTimer.INTERDIGIT));
            assertEquals(Q850Cause.INVALID_NUMBER_FORMAT, f.state(CallState.Released.class).cause());
        }

        @Test
        @DisplayName("inter-digit timeout ends a T pattern and routes")
        void timeoutEndsVariablePattern() {
            MachineFixture f = plain().dial("8555").on(new TimerExpired(CallTimer.INTERDIGIT));
            assertEquals(20, f.state(CallState.OutgoingSetup.class).hunt().current().tag());
        }

        @Test
        @DisplayName("# ends collection at once")
        void hashEndsCollection() {
            MachineFixture f = plain().dial("8555#");
            assertEquals("8555", f.state(CallState.OutgoingSetup.class).hunt().called());
        }

        @Test
        @DisplayName("inter-digit timeout with an incomplete fixed number: released with cause 1")
        void timeoutIncomplete() {
            MachineFixture f = new MachineFixture(List.of(PLAIN), Optional.empty()).dial("993")
                    .on(new TimerExpired(CallTimer.INTERDIGIT));
            assertEquals(Q850Cause.UNALLOCATED_NUMBER, f.state(CallState.Released.class).cause());
        }

        @Test
        @DisplayName("caller hangs up while dialling: released by the calling party, timer cancelled")
        void callerHangsUp() {
            MachineFixture f = plain().dial("99").on(new LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING));
            assertEquals(ReleaseSource.CALLING_PARTY, f.state(CallState.Released.class).source());
            assertTrue(f.did(new Action.CancelTimer(CallTimer.INTERDIGIT)));
        }

        @Test
        @DisplayName("events of other states (answer, flash, stale timers, auth results) are ignored")
        void ignoresForeignEvents() {
            for (CallEvent e : List.of(new LegAnswered(B1), new LegAlerting(B1), new CallEvent.HookFlash(A),
                    new TimerExpired(CallTimer.NO_ANSWER), new AuthorizationDone(1, new AuthorizationResult.TimedOut()),
                    new LegReleased(B1, Q850Cause.USER_BUSY), new CallEvent.Digits(B1, "5"))) {
                MachineFixture f = plain().dial("99");
                CallState before = f.state;
                f.on(e);
                assertEquals(before, f.state, e.toString());
                assertTrue(f.actions.isEmpty(), e.toString());
            }
        }
    }

    @Nested
    @DisplayName("routing and LPCOR")
    class Routing {
        @Test
        @DisplayName("LPCOR reject on the only peer: released with call-block cause 63 (3F) and reorder")
        void lpcorReject() {
            MachineFixture f = new MachineFixture(List.of(TO_TRUNK), Optional.of("Lobby")).dial("8555#");
            CallState.Released r = f.state(CallState.Released.class);
            assertEquals(63, r.cause().value());
            assertEquals("3F", r.cause().hex());
            assertEquals(ReleaseSource.GATEWAY, r.source());
            assertTrue(f.sentTo(A).contains(new LegCommand.PlayTone(Tone.REORDER)));
            assertEquals("lpcor policy Trunk rejects Lobby", f.records(CallRecordEvent.AttemptFailed.class).getFirst().reason());
            assertTrue(f.created().isEmpty());
        }

        @Test
        @DisplayName("accept fac with service fac: the authorization step is asked, nothing dialled out yet")
        void facRequired() {
            MachineFixture f = users().dial("8555#");
            CallState.Authorizing s = f.state(CallState.Authorizing.class);
            assertEquals(20, s.hunt().current().tag());
            Action.Authorize az = f.actions.stream().filter(Action.Authorize.class::isInstance)
                    .map(Action.Authorize.class::cast).findFirst().orElseThrow();
            assertEquals("Trunk", az.request().policy());
            assertEquals(s.seq(), az.seq());
            assertTrue(f.created().isEmpty());
            assertEquals(20, f.records(CallRecordEvent.AuthorizationStarted.class).getFirst().dialPeerTag());
        }

        @Test
        @DisplayName("the callee's group comes from the pots peer's port when the peer has no lpcor outgoing")
        void calleeGroupFromPort() {
            MachineFixture f = new MachineFixture(List.of(TO_TRUNK.withLpcor(Optional.empty(), Optional.of("Users"))),
                    Optional.of("Trunk")).dial("8555#");
            f.state(CallState.OutgoingSetup.class);
        }
    }

    @Nested
    @DisplayName("Authorizing")
    class Authorizing {
        MachineFixture f = users().dial("8555#");

        int seq() {
            return f.state(CallState.Authorizing.class).seq();
        }

        @Test
        @DisplayName("digits keyed ahead of the FAC prompt (same event as the number) are forwarded, not lost")
        void typeAheadForwarded() {
            MachineFixture g = users().dial("8555#786#");
            g.state(CallState.Authorizing.class);
            assertTrue(g.did(new Action.ForwardDigits("786#")));
        }

        @Test
        @DisplayName("caller digits are forwarded to the authorization step")
        void digitsForwarded() {
            f.dial("786#");
            assertEquals(List.of(new Action.ForwardDigits("786#")), f.actions);
            f.state(CallState.Authorizing.class);
        }

        @Test
        @DisplayName("success: outgoing setup to the same peer, FacResult SUCCESS with the code digits")
        void success() {
            f.on(new AuthorizationDone(seq(), new AuthorizationResult.Success("786")));
            CallState.OutgoingSetup s = f.state(CallState.OutgoingSetup.class);
            assertEquals(20, s.hunt().current().tag());
            assertEquals(Optional.of("786"), s.data().validFac());
            CallRecordEvent.FacResult r = f.records(CallRecordEvent.FacResult.class).getFirst();
            assertEquals(FacStatus.SUCCESS, r.status());
            assertEquals("786", r.facDigits());
        }

        @Test
        @DisplayName("failure with no further peer: released with call-block cause 63 and reorder")
        void failureReleases() {
            f.on(new AuthorizationDone(seq(), new AuthorizationResult.Failure("111", "rejected")));
            assertEquals(Q850Cause.SERVICE_NOT_AVAILABLE, f.state(CallState.Released.class).cause());
            assertEquals(FacStatus.FAILURE, f.records(CallRecordEvent.FacResult.class).getFirst().status());
            assertTrue(f.sentTo(A).contains(new LegCommand.PlayTone(Tone.REORDER)));
        }

        @Test
        @DisplayName("timed out, aborted and unavailable are FAC failures with their own status")
        void otherOutcomes() {
            for (var c : List.of(new Object[] {new AuthorizationResult.TimedOut(), FacStatus.TIMED_OUT},
                    new Object[] {new AuthorizationResult.Aborted(), FacStatus.ABORTED},
                    new Object[] {new AuthorizationResult.Unavailable("radius down"), FacStatus.UNAVAILABLE})) {
                MachineFixture g = users().dial("8555#");
                g.on(new AuthorizationDone(g.state(CallState.Authorizing.class).seq(), (AuthorizationResult) c[0]));
                g.state(CallState.Released.class);
                assertEquals(c[1], g.records(CallRecordEvent.FacResult.class).getFirst().status());
            }
        }

        @Test
        @DisplayName("caller hangs up mid-prompt: authorization cancelled, released by the calling party")
        void hangupMidPrompt() {
            f.on(new LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING));
            assertEquals(ReleaseSource.CALLING_PARTY, f.state(CallState.Released.class).source());
            assertTrue(f.did(new Action.CancelAuthorization()));
            assertEquals(FacStatus.CALLER_HUNG_UP, f.records(CallRecordEvent.FacResult.class).getFirst().status());
        }

        @Test
        @DisplayName("a result of an older authorization step is ignored")
        void staleResultIgnored() {
            CallState before = f.state;
            f.on(new AuthorizationDone(seq() + 5, new AuthorizationResult.Success("1")));
            assertEquals(before, f.state);
        }
    }

    @Nested
    @DisplayName("OutgoingSetup")
    class OutgoingSetup {
        @Test
        @DisplayName("alerting: caller hears ringback, Alerting record")
        void alertingGivesRingback() {
            MachineFixture f = alerting();
            f.state(CallState.Alerting.class);
            assertEquals(List.of(new LegCommand.PlayTone(Tone.RINGBACK)), f.sentTo(A));
            assertEquals(1, f.records(CallRecordEvent.Alerting.class).size());
        }

        @Test
        @DisplayName("answer without alerting connects directly")
        void directAnswer() {
            plain().dial("99329").on(new LegAnswered(B1)).state(CallState.Connected.class);
        }

        @Test
        @DisplayName("busy on the only peer: released with cause 17 and busy tone")
        void busyReleases() {
            MachineFixture f = plain().dial("99329").on(new LegReleased(B1, Q850Cause.USER_BUSY));
            assertEquals(Q850Cause.USER_BUSY, f.state(CallState.Released.class).cause());
            assertTrue(f.sentTo(A).contains(new LegCommand.PlayTone(Tone.BUSY)));
        }

        @Test
        @DisplayName("no-answer timer: outgoing leg released with cause 19, call released with 19")
        void noAnswer() {
            MachineFixture f = plain().dial("99329").on(new TimerExpired(CallTimer.NO_ANSWER));
            assertEquals(List.of(new LegCommand.Release(Q850Cause.NO_ANSWER)), f.sentTo(B1));
            assertEquals(Q850Cause.NO_ANSWER, f.state(CallState.Released.class).cause());
        }

        @Test
        @DisplayName("caller hangs up during setup: outgoing leg released with normal clearing")
        void callerAbandons() {
            MachineFixture f = plain().dial("99329").on(new LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING));
            assertEquals(List.of(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING)), f.sentTo(B1));
            assertEquals(ReleaseSource.CALLING_PARTY, f.state(CallState.Released.class).source());
        }

        @Test
        @DisplayName("events for another leg or a stale interdigit timer are ignored")
        void ignoresOthers() {
            MachineFixture f = plain().dial("99329");
            CallState before = f.state;
            f.on(new LegAnswered(B2)).on(new TimerExpired(CallTimer.INTERDIGIT)).on(new CallEvent.Digits(A, "5"));
            assertEquals(before, f.state);
        }
    }

    @Nested
    @DisplayName("Alerting")
    class AlertingState {
        @Test
        @DisplayName("answer connects: tone stopped, both legs connected, Connected record with the dial-peer tag")
        void answerConnects() {
            MachineFixture f = connected();
            f.state(CallState.Connected.class);
            assertEquals(List.of(new LegCommand.StopTone(), new LegCommand.Connect(B1)), f.sentTo(A));
            assertEquals(List.of(new LegCommand.Connect(A)), f.sentTo(B1));
            assertEquals(11, f.records(CallRecordEvent.Connected.class).getFirst().dialPeerTag());
        }

        @Test
        @DisplayName("callee refuses while ringing: ringback stopped, final cause reported")
        void calleeRefuses() {
            MachineFixture f = alerting().on(new LegReleased(B1, Q850Cause.CALL_REJECTED));
            assertEquals(Q850Cause.CALL_REJECTED, f.state(CallState.Released.class).cause());
            assertEquals(new LegCommand.StopTone(), f.sentTo(A).getFirst());
        }

        @Test
        @DisplayName("caller hangs up while it rings: outgoing leg released")
        void callerHangsUp() {
            MachineFixture f = alerting().on(new LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING));
            assertEquals(List.of(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING)), f.sentTo(B1));
        }

        @Test
        @DisplayName("no answer while alerting: cause 19")
        void noAnswer() {
            assertEquals(Q850Cause.NO_ANSWER, alerting().on(new TimerExpired(CallTimer.NO_ANSWER))
                    .state(CallState.Released.class).cause());
        }
    }

    @Nested
    @DisplayName("Connected")
    class ConnectedState {
        @Test
        @DisplayName("digits are relayed to the other leg in both directions")
        void digitsRelayed() {
            MachineFixture f = connected().dial("5");
            assertEquals(List.of(new LegCommand.SendDigits("5")), f.sentTo(B1));
            f.on(new CallEvent.Digits(B1, "7"));
            assertEquals(List.of(new LegCommand.SendDigits("7")), f.sentTo(A));
        }

        @Test
        @DisplayName("callee hangs up: caller released with the callee's cause, released by the called party")
        void calleeHangsUp() {
            MachineFixture f = connected().on(new LegReleased(B1, Q850Cause.NORMAL_CALL_CLEARING));
            CallState.Released r = f.state(CallState.Released.class);
            assertEquals(ReleaseSource.CALLED_PARTY, r.source());
            assertEquals(List.of(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING)), f.sentTo(A));
            assertEquals(Optional.of(B1), f.records(CallRecordEvent.Released.class).getFirst().outgoing());
        }

        @Test
        @DisplayName("caller hangs up: callee released with normal clearing")
        void callerHangsUp() {
            MachineFixture f = connected().on(new LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING));
            assertEquals(List.of(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING)), f.sentTo(B1));
            assertEquals(ReleaseSource.CALLING_PARTY, f.state(CallState.Released.class).source());
        }

        @Test
        @DisplayName("timers do not change a connected call; hook flash (issue 8) gives the flasher dial tone and a second flash returns to the conversation")
        void flashIgnored() {
            MachineFixture f = connected();
            CallState before = f.state;
            f.on(new TimerExpired(CallTimer.NO_ANSWER));
            assertEquals(before, f.state);
            f.on(new CallEvent.HookFlash(A));
            assertEquals(A, f.state(CallState.FlashDialing.class).flasher());
            assertEquals(List.of(new LegCommand.PlayTone(org.tollgate.callcontrol.leg.Tone.DIAL)), f.sentTo(A));
            f.on(new CallEvent.HookFlash(A));
            f.state(CallState.Connected.class);
            assertEquals(List.of(new LegCommand.Connect(A)), f.sentTo(B1));
        }
    }

    @Test
    @DisplayName("clear call in every live state: released by the gateway with the given cause, live legs released, timers/auth cancelled")
    void clearInEveryState() {
        Q850Cause c = Q850Cause.NORMAL_UNSPECIFIED;
        MachineFixture collecting = plain().dial("9").on(new CallEvent.Clear(c));
        assertTrue(collecting.did(new Action.CancelTimer(CallTimer.INTERDIGIT)));
        MachineFixture authorizing = users().dial("8555#").on(new CallEvent.Clear(c));
        assertTrue(authorizing.did(new Action.CancelAuthorization()));
        MachineFixture setup = plain().dial("99329").on(new CallEvent.Clear(c));
        assertEquals(List.of(new LegCommand.Release(c)), setup.sentTo(B1));
        MachineFixture ringing = alerting().on(new CallEvent.Clear(c));
        assertTrue(ringing.did(new Action.CancelTimer(CallTimer.NO_ANSWER)));
        MachineFixture talking = connected().on(new CallEvent.Clear(c));
        assertEquals(List.of(new LegCommand.Release(c)), talking.sentTo(B1));
        for (MachineFixture f : List.of(collecting, authorizing, setup, ringing, talking)) {
            CallState.Released r = f.state(CallState.Released.class);
            assertEquals(ReleaseSource.GATEWAY, r.source());
            assertEquals(c, r.cause());
            assertEquals(List.of(new LegCommand.Release(c)), f.sentTo(A));
        }
    }

    @Test
    @DisplayName("Released is final: every event leaves it unchanged with no action")
    void releasedIsFinal() {
        MachineFixture f = connected().on(new LegReleased(A, Q850Cause.NORMAL_CALL_CLEARING));
        CallState end = f.state;
        for (CallEvent e : EVERY_KIND) {
            f.on(e);
            assertEquals(end, f.state);
            assertTrue(f.actions.isEmpty());
        }
    }

    @Nested
    @DisplayName("hunting")
    class Hunting {
        @Test
        @DisplayName("three dial-peers: first busy, second FAC-failed, third connects; attempts recorded")
        void busyThenFacFailureThenConnect() {
            List<DialPeer> peers = List.of(
                    DialPeer.pots(1, "5000", "0/1/1"),
                    DialPeer.pots(2, "5000", "0/1/9").withPreference(1),
                    DialPeer.pots(3, "5000", "0/1/2").withPreference(2));
            MachineFixture f = new MachineFixture(peers, Optional.of("Users")).dial("5000");
            assertEquals(B1, f.state(CallState.OutgoingSetup.class).out());
            f.on(new LegReleased(B1, Q850Cause.USER_BUSY));
            CallState.Authorizing az = f.state(CallState.Authorizing.class);
            assertEquals(2, az.hunt().current().tag());
            f.on(new AuthorizationDone(az.seq(), new AuthorizationResult.Failure("999", "bad code")));
            CallState.OutgoingSetup third = f.state(CallState.OutgoingSetup.class);
            assertEquals(3, third.hunt().current().tag());
            assertEquals(B2, third.out());
            f.on(new LegAlerting(B2)).on(new LegAnswered(B2));
            assertEquals(3, f.records(CallRecordEvent.Connected.class).getFirst().dialPeerTag());
        }

        @Test
        @DisplayName("all peers fail: the final cause is the last failure's")
        void finalCause() {
            List<DialPeer> peers = List.of(DialPeer.pots(1, "5000", "0/1/1"), DialPeer.pots(2, "5000", "0/1/2"));
            MachineFixture f = new MachineFixture(peers, Optional.empty()).dial("5000")
                    .on(new LegReleased(B1, Q850Cause.USER_BUSY))
                    .on(new LegReleased(B2, Q850Cause.DESTINATION_OUT_OF_ORDER));
            assertEquals(Q850Cause.DESTINATION_OUT_OF_ORDER, f.state(CallState.Released.class).cause());
            assertEquals(2, f.records(CallRecordEvent.AttemptFailed.class).getFirst().dialPeerTag());
        }

        @Test
        @DisplayName("huntstop on the failed peer stops hunting")
        void huntstop() {
            List<DialPeer> peers = List.of(DialPeer.pots(1, "5000", "0/1/1").withHuntstop(true),
                    DialPeer.pots(2, "5000", "0/1/2"));
            MachineFixture f = new MachineFixture(peers, Optional.empty()).dial("5000")
                    .on(new LegReleased(B1, Q850Cause.USER_BUSY));
            assertEquals(Q850Cause.USER_BUSY, f.state(CallState.Released.class).cause());
            assertTrue(f.created().isEmpty());
        }

        @Test
        @DisplayName("a hunt-stop cause (unallocated number) stops hunting")
        void causeForbidsHunting() {
            List<DialPeer> peers = List.of(DialPeer.pots(1, "5000", "0/1/1"), DialPeer.pots(2, "5000", "0/1/2"));
            MachineFixture f = new MachineFixture(peers, Optional.empty()).dial("5000")
                    .on(new LegReleased(B1, Q850Cause.UNALLOCATED_NUMBER));
            assertEquals(Q850Cause.UNALLOCATED_NUMBER, f.state(CallState.Released.class).cause());
        }

        @Test
        @DisplayName("LPCOR-rejected peers are skipped to the next matching peer")
        void lpcorRejectHunts() {
            List<DialPeer> peers = List.of(DialPeer.pots(1, "5000", "0/1/9"),
                    DialPeer.pots(2, "5000", "0/1/2").withPreference(1));
            MachineFixture f = new MachineFixture(peers, Optional.of("Lobby")).dial("5000");
            assertEquals(2, f.state(CallState.OutgoingSetup.class).hunt().current().tag());
            assertEquals(Q850Cause.SERVICE_NOT_AVAILABLE, f.records(CallRecordEvent.AttemptFailed.class).getFirst().cause());
        }

        @Test
        @DisplayName("a valid FAC is kept: a later FAC-gated peer does not ask again")
        void validFacReused() {
            List<DialPeer> peers = List.of(DialPeer.pots(1, "5000", "0/1/9"),
                    DialPeer.pots(2, "5000", "0/1/9").withPreference(1));
            MachineFixture f = new MachineFixture(peers, Optional.of("Users")).dial("5000");
            f.on(new AuthorizationDone(f.state(CallState.Authorizing.class).seq(), new AuthorizationResult.Success("786")));
            f.on(new LegReleased(B1, Q850Cause.USER_BUSY));
            assertEquals(2, f.state(CallState.OutgoingSetup.class).hunt().current().tag());
            assertFalse(f.actions.stream().anyMatch(Action.Authorize.class::isInstance));
        }

        @Test
        @DisplayName("FAC failed on one peer: FAC is asked again for the next FAC-gated peer")
        void facAskedAgainAfterFailure() {
            List<DialPeer> peers = List.of(DialPeer.pots(1, "5000", "0/1/9"),
                    DialPeer.pots(2, "5000", "0/1/9").withPreference(1));
            MachineFixture f = new MachineFixture(peers, Optional.of("Users")).dial("5000");
            int first = f.state(CallState.Authorizing.class).seq();
            f.on(new AuthorizationDone(first, new AuthorizationResult.Failure("1", "bad")));
            CallState.Authorizing again = f.state(CallState.Authorizing.class);
            assertEquals(2, again.hunt().current().tag());
            assertTrue(again.seq() > first);
        }
    }
}
