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

    @Test
    @DisplayName("dtmf-relay per leg: a pool phone's list by number, an ephone none, a trunk call the inbound voip dial-peer's, an outgoing peer's by tag")
    void dtmfRelayLookups() {
        GatewayConfig c = parse(String.join("\n",
                "voice register dn 1", " number 4001",
                "voice register pool 1", " number 1 dn 1", " dtmf-relay sip-kpml rtp-nte",
                "ephone-dn 5", " number 2005", "ephone 5", " button 1:5",
                "dial-peer voice 10 voip", " incoming called-number 7...", " dtmf-relay sip-notify",
                "dial-peer voice 20 voip", " destination-pattern 408.......", " dtmf-relay sip-info",
                "dial-peer voice 30 voip", " destination-pattern 555", " session target ipv4:10.0.0.1",
                " dtmf-relay rtp-nte sip-info",
                "end", ""));
        var kpmlNte = List.of(org.tollgate.config.voice.DtmfRelay.SIP_KPML, org.tollgate.config.voice.DtmfRelay.RTP_NTE);
        assertEquals(kpmlNte, SipConfiguration.phoneDtmfRelay(c, "4001"));
        assertEquals(kpmlNte, SipConfiguration.poolDtmfRelay(c, 1));
        assertEquals(kpmlNte, SipConfiguration.inboundDtmfRelay(c, "4001", "7000"), "a phone's own list wins");
        assertEquals(List.of(), SipConfiguration.inboundDtmfRelay(c, "2005", "7000"), "an ephone has none");
        assertEquals(List.of(org.tollgate.config.voice.DtmfRelay.SIP_NOTIFY),
                SipConfiguration.inboundDtmfRelay(c, "4085551234", "7000"), "incoming called-number first");
        assertEquals(List.of(org.tollgate.config.voice.DtmfRelay.SIP_INFO),
                SipConfiguration.inboundDtmfRelay(c, "4085551234", "9999"), "then destination-pattern on the caller");
        assertEquals(List.of(), SipConfiguration.inboundDtmfRelay(c, "123", "9999"));
        assertEquals(List.of(org.tollgate.config.voice.DtmfRelay.RTP_NTE, org.tollgate.config.voice.DtmfRelay.SIP_INFO),
                SipConfiguration.dialPeerDtmfRelay(c, 30));
        assertEquals(List.of(), SipConfiguration.dialPeerDtmfRelay(c, 99));
    }
}
