package org.tollgate.gateway.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.MutableClock;
import org.tollgate.gateway.sip.auth.DigestAlgorithm;
import org.tollgate.gateway.sip.auth.DigestAuthenticator;
import org.tollgate.gateway.sip.auth.DigestChallenge;
import org.tollgate.gateway.sip.auth.DigestCredentials;

class RegistrarTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final DigestAuthenticator auth = new DigestAuthenticator("tollgate", clock, Duration.ofSeconds(300),
            new SecureRandom());
    private final BindingRegistry registry = new BindingRegistry(clock);

    private Registrar registrar(boolean authenticateRegister, SipUser... users) {
        return new Registrar(SipUserDirectory.of(List.of(users), authenticateRegister), registry, auth,
                Registrar.Settings.defaults());
    }

    private static RegisterRequest register(String user, String callId, long cseq, OptionalLong expires,
            List<RegisterRequest.ContactValue> contacts, List<DigestCredentials> creds) {
        return new RegisterRequest("sip", user, "sip:tollgate", callId, cseq, expires, contacts, creds);
    }

    private static RegisterRequest.ContactValue contact(String uri, OptionalLong expires) {
        return RegisterRequest.ContactValue.of("<" + uri + ">", uri, expires);
    }

    @Test
    @DisplayName("RFC 3261 10.3: REGISTER binds the contact with the Expires header value; lookup returns it")
    void registerAndLookup() {
        Registrar r = registrar(false, SipUser.open("786786", "ephone-dn 102"));
        RegisterOutcome.Registered ok = assertInstanceOf(RegisterOutcome.Registered.class,
                r.register(register("786786", "c1", 1, OptionalLong.of(600), List.of(contact("sip:786786@10.0.0.5"
                        + ":5062", OptionalLong.empty())), List.of())));
        assertEquals(1, ok.bindings().size());
        assertEquals(600, ok.bindings().get(0).secondsLeft(clock.instant()));
        assertEquals("sip:786786@10.0.0.5:5062", registry.lookup("786786").get(0).contactUri());
    }

    @Test
    @DisplayName("a binding lapses when its expiry passes on the injected clock; a refresh extends it")
    void expiryAndRefresh() {
        Registrar r = registrar(false, SipUser.open("100", "voice register dn 1"));
        r.register(register("100", "c1", 1, OptionalLong.of(120), List.of(contact("sip:100@h", OptionalLong.empty())), List.of()));
        clock.advance(Duration.ofSeconds(100));
        r.register(register("100", "c1", 2, OptionalLong.of(120), List.of(contact("sip:100@h", OptionalLong.empty())), List.of()));
        clock.advance(Duration.ofSeconds(100));
        assertEquals(1, registry.lookup("100").size(), "refreshed binding still alive at t=200");
        clock.advance(Duration.ofSeconds(21));
        assertTrue(registry.lookup("100").isEmpty(), "lapsed at t=221");
        assertEquals(1, registry.purgeExpired());
    }

    @Test
    @DisplayName("the contact expires parameter wins over Expires; above the maximum it is lowered to 3600")
    void contactExpiresParam() {
        Registrar r = registrar(false, SipUser.open("100", "dn"));
        RegisterOutcome.Registered ok = assertInstanceOf(RegisterOutcome.Registered.class, r.register(register("100", "c",
                1, OptionalLong.of(300), List.of(contact("sip:a@h", OptionalLong.of(90)), contact("sip:b@h",
                        OptionalLong.of(99999))), List.of())));
        assertEquals(List.of(90L, 3600L), ok.bindings().stream().map(b -> b.secondsLeft(clock.instant())).toList());
    }

    @Test
    @DisplayName("unregister: Expires 0 removes one contact, Contact * with Expires 0 removes all")
    void unregister() {
        Registrar r = registrar(false, SipUser.open("100", "dn"));
        r.register(register("100", "c", 1, OptionalLong.of(300), List.of(contact("sip:a@h", OptionalLong.empty()),
                contact("sip:b@h", OptionalLong.empty())), List.of()));
        r.register(register("100", "c", 2, OptionalLong.of(0), List.of(contact("sip:a@h", OptionalLong.empty())), List.of()));
        assertEquals(List.of("sip:b@h"), registry.lookup("100").stream().map(Binding::contactUri).toList());
        r.register(register("100", "c", 3, OptionalLong.of(0), List.of(RegisterRequest.ContactValue.star()), List.of()));
        assertTrue(registry.lookup("100").isEmpty());
    }

    @Test
    @DisplayName("RFC 3261 10.3 step 6: * without Expires 0, or with other contacts, is 400")
    void badWildcard() {
        Registrar r = registrar(false, SipUser.open("100", "dn"));
        assertEquals(400, assertInstanceOf(RegisterOutcome.Rejected.class, r.register(register("100", "c", 1,
                OptionalLong.of(60), List.of(RegisterRequest.ContactValue.star()), List.of()))).status());
    }

    @Test
    @DisplayName("RFC 3261 10.3 step 7: a non-zero expiry below 60 s gets 423 with Min-Expires 60")
    void tooBrief() {
        Registrar r = registrar(false, SipUser.open("100", "dn"));
        assertEquals(60, assertInstanceOf(RegisterOutcome.IntervalTooBrief.class, r.register(register("100", "c", 1,
                OptionalLong.of(30), List.of(contact("sip:a@h", OptionalLong.empty())), List.of()))).minExpires());
    }

    @Test
    @DisplayName("RFC 3261 10.3 step 7: a request with the same Call-ID and an older CSeq is refused")
    void outOfOrder() {
        Registrar r = registrar(false, SipUser.open("100", "dn"));
        r.register(register("100", "c", 5, OptionalLong.of(300), List.of(contact("sip:a@h", OptionalLong.empty())), List.of()));
        assertEquals(500, assertInstanceOf(RegisterOutcome.Rejected.class, r.register(register("100", "c", 4,
                OptionalLong.of(0), List.of(contact("sip:a@h", OptionalLong.empty())), List.of()))).status());
        assertEquals(1, registry.lookup("100").size());
    }

    @Test
    @DisplayName("an unknown number without any password users is 404; a non-SIP To URI is 400")
    void unknownOpen() {
        Registrar r = registrar(false, SipUser.open("100", "dn"));
        assertEquals(404, assertInstanceOf(RegisterOutcome.Rejected.class, r.register(register("999", "c", 1,
                OptionalLong.of(300), List.of(contact("sip:a@h", OptionalLong.empty())), List.of()))).status());
        assertEquals(400, assertInstanceOf(RegisterOutcome.Rejected.class, r.register(new RegisterRequest("isbn", "",
                "sip:x", "c", 1, OptionalLong.empty(), List.of(), List.of()))).status());
    }

    @Test
    @DisplayName("digest: a pool with a password is challenged with SHA-256 then MD5, qop auth, and accepts the right answer")
    void digestFlow() {
        Registrar r = registrar(false, SipUser.withPassword("200", "phone200", "s3cret", "voice register pool 1"));
        RegisterRequest first = register("200", "c", 1, OptionalLong.of(300), List.of(contact("sip:200@h", OptionalLong.empty())), List.of());
        RegisterOutcome.Challenge ch = assertInstanceOf(RegisterOutcome.Challenge.class, r.register(first));
        assertEquals(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                ch.challenges().stream().map(DigestChallenge::algorithm).toList());
        long cseq = 1;
        for (DigestChallenge c : ch.challenges()) {
            DigestCredentials good = DigestTestClient.answer(c, "phone200", "s3cret", "REGISTER", "sip:tollgate");
            assertInstanceOf(RegisterOutcome.Registered.class, r.register(register("200", "c", ++cseq, OptionalLong.of(300),
                    List.of(contact("sip:200@h", OptionalLong.empty())), List.of(good))), c.algorithm().token());
        }
    }

    @Test
    @DisplayName("no user enumeration: unknown user and wrong password both get a fresh 401 challenge")
    void noEnumeration() {
        Registrar r = registrar(false, SipUser.withPassword("200", "phone200", "s3cret", "pool"));
        DigestChallenge c = ((RegisterOutcome.Challenge) r.register(register("200", "c", 1, OptionalLong.of(300),
                List.of(), List.of()))).challenges().get(0);
        RegisterOutcome wrongPassword = r.register(register("200", "c", 2, OptionalLong.of(300), List.of(),
                List.of(DigestTestClient.answer(c, "phone200", "wrong", "REGISTER", "sip:tollgate"))));
        RegisterOutcome unknownUser = r.register(register("999", "c", 3, OptionalLong.of(300), List.of(),
                List.of(DigestTestClient.answer(c, "phone999", "s3cret", "REGISTER", "sip:tollgate"))));
        RegisterOutcome unknownNoCreds = r.register(register("999", "c", 4, OptionalLong.of(300), List.of(), List.of()));
        for (RegisterOutcome o : List.of(wrongPassword, unknownUser, unknownNoCreds)) {
            RegisterOutcome.Challenge again = assertInstanceOf(RegisterOutcome.Challenge.class, o);
            assertEquals(2, again.challenges().size());
            assertTrue(again.challenges().stream().noneMatch(DigestChallenge::stale));
        }
    }

    @Test
    @DisplayName("an expired nonce with the right password gets stale=true; a forged nonce does not")
    void staleNonce() {
        Registrar r = registrar(false, SipUser.withPassword("200", "phone200", "s3cret", "pool"));
        DigestChallenge c = ((RegisterOutcome.Challenge) r.register(register("200", "c", 1, OptionalLong.of(300),
                List.of(), List.of()))).challenges().get(0);
        clock.advance(Duration.ofSeconds(301));
        RegisterOutcome.Challenge stale = assertInstanceOf(RegisterOutcome.Challenge.class, r.register(register("200",
                "c", 2, OptionalLong.of(300), List.of(), List.of(DigestTestClient.answer(c, "phone200", "s3cret",
                        "REGISTER", "sip:tollgate")))));
        assertTrue(stale.challenges().get(0).stale());
        DigestChallenge forged = new DigestChallenge(c.realm(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", c.algorithm(), false);
        RegisterOutcome.Challenge f = assertInstanceOf(RegisterOutcome.Challenge.class, r.register(register("200", "c", 3,
                OptionalLong.of(300), List.of(), List.of(DigestTestClient.answer(forged, "phone200", "s3cret", "REGISTER",
                        "sip:tollgate")))));
        assertTrue(f.challenges().stream().noneMatch(DigestChallenge::stale));
    }

    @Test
    @DisplayName("authenticate register: a user without a password is challenged and cannot register")
    void authenticateRegister() {
        Registrar r = registrar(true, SipUser.open("300", "dn"));
        assertInstanceOf(RegisterOutcome.Challenge.class, r.register(register("300", "c", 1, OptionalLong.of(300),
                List.of(contact("sip:300@h", OptionalLong.empty())), List.of())));
        assertTrue(registry.lookup("300").isEmpty());
    }
}
