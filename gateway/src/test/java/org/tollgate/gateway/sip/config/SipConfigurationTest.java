package org.tollgate.gateway.sip.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.gateway.sip.SipServerSettings;
import org.tollgate.gateway.sip.registrar.SipUser;
import org.tollgate.gateway.sip.registrar.SipUserDirectory;

class SipConfigurationTest {
    private static final String CONFIG = String.join("\n",
            "hostname gw1",
            "voice lpcor enable",
            "voice lpcor custom",
            " group 11 LocalUser",
            " group 12 SipPhone",
            "voice register global",
            " mode cme",
            " source-address 127.0.0.1 port 5070",
            " authenticate register",
            "voice register dn 1",
            " number 2001",
            "voice register dn 2",
            " number 2002",
            "voice register pool 1",
            " number 1 dn 1",
            " username alice password secret1",
            " lpcor incoming SipPhone",
            " lpcor outgoing SipPhone",
            "ephone-dn 102 dual-line",
            " number 786786",
            "ephone 102",
            " lpcor type local",
            " lpcor incoming LocalUser",
            " lpcor outgoing LocalUser",
            " button 1:102",
            "end", "");

    private static GatewayConfig parse(String text) {
        ParseResult r = ConfigParser.parse("test.cfg", text);
        return assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
    }

    @Test
    @DisplayName("voice register dn numbers and ephone-dn numbers are SIP users; pools give credentials and LPCOR")
    void users() {
        List<SipUser> users = SipConfiguration.users(parse(CONFIG));
        assertEquals(List.of("2001", "2002", "786786"), users.stream().map(SipUser::number).toList());
        SipUser alice = users.get(0);
        assertEquals("alice", alice.credentials().orElseThrow().username());
        assertEquals("secret1", alice.credentials().orElseThrow().password());
        assertEquals(Optional.of("SipPhone"), alice.lpcorIncoming());
        assertTrue(users.get(1).credentials().isEmpty(), "dn 2 is in no pool");
    }

    @Test
    @DisplayName("issue 5: ephone-dn 102 number 786786 on ephone 102 is SIP user 786786 with that ephone's lpcor")
    void ephoneDnTakesEphoneLpcor() {
        SipUser u = SipConfiguration.directory(parse(CONFIG)).find("786786").orElseThrow();
        assertEquals(Optional.of("LocalUser"), u.lpcorIncoming());
        assertEquals(Optional.of("LocalUser"), u.lpcorOutgoing());
        assertTrue(u.credentials().isEmpty());
    }

    @Test
    @DisplayName("authenticate register makes every user, even without a password, need digest")
    void authenticateRegister() {
        SipUserDirectory d = SipConfiguration.directory(parse(CONFIG));
        assertTrue(d.authenticationRequired(d.find("2002").orElseThrow()));
        assertTrue(d.challengeUnknownUsers());
    }

    @Test
    @DisplayName("listening address and port come from voice register global source-address; --sip-port overrides")
    void settings() {
        GatewayConfig c = parse(CONFIG);
        SipServerSettings s = SipConfiguration.settings(c, OptionalInt.empty());
        assertEquals("127.0.0.1", s.bindAddress());
        assertEquals(5070, s.port());
        assertEquals(5099, SipConfiguration.settings(c, OptionalInt.of(5099)).port());
        SipServerSettings bare = SipConfiguration.settings(parse("hostname x\nend\n"), OptionalInt.empty());
        assertEquals("0.0.0.0", bare.bindAddress());
        assertEquals(SipConfiguration.DEFAULT_PORT, bare.port());
    }
}
