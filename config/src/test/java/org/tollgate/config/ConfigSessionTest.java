package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.lpcor.Verdict;

@DisplayName("configure terminal sessions: modes, no forms, abbreviations, apply semantics, ? help")
class ConfigSessionTest {

    private static GatewayConfig ok(ParseResult r) {
        return assertInstanceOf(ParseResult.Ok.class, r, r::toString).config();
    }

    private static LineOutcome.Accepted accepted(ConfigSession s, String line) {
        LineOutcome o = s.enter(line);
        return assertInstanceOf(LineOutcome.Accepted.class, o, () -> line + " -> " + o);
    }

    @Test
    @DisplayName("each sub-mode has an IOS-like prompt suffix; exit goes up, end leaves")
    void modes() {
        ConfigSession s = ConfigSession.begin(GatewayConfig.empty());
        assertEquals("config", s.mode());
        String[][] steps = {
            {"voice-port 0/1/0", "config-voiceport"}, {"dial-peer voice 1 pots", "config-dial-peer"},
            {"ephone-dn 1", "config-ephone-dn"}, {"ephone 1", "config-ephone"},
            {"voice lpcor custom", "config-lpcor-custom"}, {"group 1 A", "config-lpcor-custom"},
            {"voice lpcor policy A", "config-lpcor-policy"}, {"application", "config-app"},
            {"package auth", "config-app-auth"}, {"line vty 0 4", "config-line"},
            {"voice register global", "config-register-global"}, {"voice register dn 1", "config-register-dn"},
            {"voice register pool 1", "config-register-pool"}, {"telephony-service", "config-telephony"},
            {"sip-ua", "config-sip-ua"}, {"voice service voip", "conf-voi-serv"}, {"sip", "conf-serv-sip"},
            {"aaa group server radius G", "config-sg-radius"}, {"radius server R", "config-radius-server"},
            {"gw-accounting file", "config-gw-accounting-file"}, {"interface Ethernet0/0", "config-if"},
        };
        for (String[] step : steps) {
            assertEquals(step[1], accepted(s, step[0]).mode(), step[0]);
        }
        assertEquals("config", accepted(s, "exi").mode(), "exit may be abbreviated to exi");
        accepted(s, "application");
        accepted(s, "package auth");
        assertEquals("config-app", accepted(s, "exit").mode());
        assertInstanceOf(LineOutcome.Ended.class, s.enter("end"));
    }

    @Test
    @DisplayName("a command unknown in the sub-mode exits to global configuration, as IOS does")
    void unknownInSubModeExits() {
        ConfigSession s = ConfigSession.begin(GatewayConfig.empty());
        accepted(s, "dial-peer voice 1 pots");
        assertEquals("config", accepted(s, "hostname gw").mode());
        assertEquals("gw", s.current().hostname());
        accepted(s, "voice-port 0/1/0");
        assertEquals("config-voiceport", accepted(s, "timeouts interdigit 4").mode(),
                "known in both: the sub-mode wins");
        assertEquals(4, s.current().voicePort("0/1/0").orElseThrow().interdigitSeconds().getAsInt());
    }

    @Test
    @DisplayName("a rejected line changes nothing and keeps the mode; the error has IOS text and a caret")
    void rejectedLine() {
        ConfigSession s = ConfigSession.begin(GatewayConfig.empty());
        accepted(s, "dial-peer voice 7 voip");
        LineOutcome o = s.enter(" preference 99");
        LineOutcome.Rejected r = assertInstanceOf(LineOutcome.Rejected.class, o);
        assertEquals(13, r.error().column());
        assertEquals("config-dial-peer", s.mode());
        assertEquals(0, s.current().dialPeer(7).orElseThrow().preference());
        LineOutcome u = s.enter("lpcor incoming Nobody");
        assertInstanceOf(LineOutcome.Rejected.class, u, "interactive sessions check references as typed");
        assertTrue(s.current().dialPeer(7).orElseThrow().lpcor().incoming().isEmpty());
        assertInstanceOf(ParseResult.Ok.class, s.finish(), "rejected lines do not fail the session");
    }

    @Test
    @DisplayName("abbreviated keywords are accepted (dial-p voi 11 pot, usern); the printer prints full keywords")
    void abbreviations() {
        GatewayConfig c = ok(ConfigParser.parse("t.cfg", """
                usern bob priv 15 pass 0 pw
                voice lp cust
                 gr 1 A
                voice lp pol A
                 serv fac
                 acc A fac
                voice-p 0/1/1
                dial-p voi 11 pot
                 destination-p 99329
                 po 0/1/1
                lin vty 0 4
                 login loc
                 trans in tel ssh
                """));
        assertEquals(15, c.user("bob").orElseThrow().privilege());
        assertEquals(Optional.of("0/1/1"), c.dialPeer(11).orElseThrow().port());
        assertEquals(Verdict.ACCEPT_FAC, c.lpcor().policy("A").orElseThrow().rule("A").orElseThrow().verdict());
        String printed = ConfigPrinter.print(c);
        assertTrue(printed.contains("dial-peer voice 11 pots\n destination-pattern 99329\n port 0/1/1\n"), printed);
        assertTrue(printed.contains(" transport input telnet ssh\n"), printed);
        assertTrue(printed.contains("username bob privilege 15 password 0 pw\n"), printed);
    }

    @Test
    @DisplayName("no forms remove or reset (no username, no accept, no service fac, no dial-peer, no digit-strip)")
    void noForms() {
        GatewayConfig base = Examples.load("cme-fac.cfg");
        GatewayConfig c = ok(ConfigParser.apply(base, "change", """
                no username 786
                voice lpcor policy LocalUser
                 no service fac
                 no accept LocalUser
                no dial-peer voice 11
                voice-port 0/1/0
                 no caller-id enable
                 no station-id name
                no gw-accounting aaa
                no aaa new-model
                """));
        assertTrue(c.user("786").isEmpty());
        assertFalse(c.lpcor().policy("LocalUser").orElseThrow().serviceFac());
        assertEquals(Verdict.REJECT, c.lpcor().policy("LocalUser").orElseThrow().rule("LocalUser").orElseThrow()
                .verdict(), "no accept of the own group blocks intra-group calls");
        assertTrue(c.dialPeer(11).isEmpty());
        assertFalse(c.voicePort("0/1/0").orElseThrow().callerId());
        assertTrue(c.voicePort("0/1/0").orElseThrow().stationName().isEmpty());
        assertFalse(c.accounting().aaa());
        assertFalse(c.aaa().newModel());
        GatewayConfig d = ok(ConfigParser.apply(c, "more", "dial-peer voice 3 pots\n no digit-strip\n"));
        assertFalse(d.dialPeer(3).orElseThrow().digitStrip());
        GatewayConfig e = ok(ConfigParser.apply(d, "more", "dial-peer voice 3 pots\n digit-strip\n"));
        assertTrue(e.dialPeer(3).orElseThrow().digitStrip());
    }

    @Test
    @DisplayName("apply() edits on top of a base: re-entering voice-port 0/1/0 keeps its other settings")
    void applySemantics() {
        GatewayConfig base = Examples.load("cme-fac.cfg");
        GatewayConfig c = ok(ConfigParser.apply(base, "change", """
                voice-port 0/1/0
                 lpcor incoming LocalUser
                username 786 password 0 99999
                """));
        var p = c.voicePort("0/1/0").orElseThrow();
        assertEquals(Optional.of("Phone1"), p.stationName());
        assertEquals(Optional.of("LocalUser"), p.lpcor().incoming());
        assertTrue(c.user("786").orElseThrow().credential().matches("99999"));
        assertEquals(base.users().stream().map(u -> u.name()).toList(),
                c.users().stream().map(u -> u.name()).toList(), "a replaced user keeps its place");
        assertEquals(base.dialPeers(), c.dialPeers());
    }

    @Test
    @DisplayName("indentation is a hint in files; flat pasted text still follows the IOS sub-mode rule")
    void indentationHint() {
        GatewayConfig flat = ok(ConfigParser.parse("t.cfg", """
                dial-peer voice 1 pots
                destination-pattern 100
                hostname flat
                """));
        assertEquals(Optional.of("100"), flat.dialPeer(1).orElseThrow().destinationPattern());
        assertEquals("flat", flat.hostname());
        GatewayConfig indented = ok(ConfigParser.parse("t.cfg", """
                voice-port 0/1/0
                 timeouts interdigit 3
                timeouts interdigit 7
                """));
        assertEquals(3, indented.voicePort("0/1/0").orElseThrow().interdigitSeconds().getAsInt());
        assertEquals(7, indented.timeouts().interdigit());
    }

    @Test
    @DisplayName("? help: next keywords with help, placeholders with ranges, <cr> where the command may end")
    void completions() {
        ConfigSession s = ConfigSession.begin(GatewayConfig.empty());
        List<String> top = s.completions("").stream().map(ConfigHelp::word).toList();
        assertTrue(top.containsAll(List.of("hostname", "dial-peer", "voice", "username", "no", "end")), top.toString());
        assertTrue(s.completions("").stream().allMatch(h -> h.help() != null));
        assertEquals(List.of("dial-control-mib", "dial-peer"), s.completions("dial").stream().map(ConfigHelp::word)
                .toList());
        assertEquals(List.of("pots", "voip"), s.completions("dial-peer voice 5 ").stream().map(ConfigHelp::word)
                .toList());
        assertEquals(List.of("<1-2147483647>"), s.completions("dial-peer voice ").stream().map(ConfigHelp::word)
                .toList());
        assertEquals(List.of("<cr>"), s.completions("dial-peer voice 5 pots ").stream().map(ConfigHelp::word)
                .toList());
        List<String> user = s.completions("username bob ").stream().map(ConfigHelp::word).toList();
        assertTrue(user.containsAll(List.of("privilege", "nocallback-verify", "callback-dialstring", "password",
                "secret")), user.toString());
        assertEquals(List.of("enable", "call-block", "custom", "policy"),
                s.completions("voice lpcor ").stream().map(ConfigHelp::word).toList());
        accepted(s, "voice lpcor custom");
        assertTrue(s.completions("").stream().anyMatch(h -> h.word().equals("group")));
        assertEquals(List.of("<1-64>"), s.completions("group ").stream().map(ConfigHelp::word).toList());
        assertEquals(List.of(), s.completions("frob "));
    }
}
