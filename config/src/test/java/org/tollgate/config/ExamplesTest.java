package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.aaa.AaaMethod;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.line.LineKind;
import org.tollgate.config.lpcor.LpcorPolicy;
import org.tollgate.config.lpcor.LpcorType;
import org.tollgate.config.lpcor.Verdict;
import org.tollgate.config.secret.HashedSecret;
import org.tollgate.config.system.PassthroughCommand;
import org.tollgate.config.user.User;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.VoicePort;

@DisplayName("Both seed example configurations load with their typed values (issue 2)")
class ExamplesTest {

    @Test
    @DisplayName("examples/cme-fac.cfg: the FAC/LPCOR seed configuration (fac-lpcor spec section 7) loads")
    void cmeFacLoads() {
        ParseResult r = ConfigParser.parse("cme-fac.cfg", Examples.read("cme-fac.cfg"));
        ParseResult.Ok ok = assertInstanceOf(ParseResult.Ok.class, r, () -> r.toString());
        GatewayConfig c = ok.config();
        assertEquals("cme-fac", c.hostname());
        assertTrue(c.lpcor().enabled());
        assertEquals(List.of("LocalUser", "AnalogPhone"), c.lpcor().groups().stream().map(g -> g.name()).toList());
        LpcorPolicy local = c.lpcor().policy("LocalUser").orElseThrow();
        assertTrue(local.serviceFac());
        assertEquals(Verdict.ACCEPT_FAC, local.rule("AnalogPhone").orElseThrow().verdict());
        assertEquals(Verdict.ACCEPT_FAC, local.rule("LocalUser").orElseThrow().verdict());

        DialPeer dp = c.dialPeer(11).orElseThrow();
        assertFalse(dp.voip());
        assertEquals(Optional.of("99329"), dp.destinationPattern());
        assertEquals(Optional.of("0/1/1"), dp.port());

        VoicePort p1 = c.voicePort("0/1/1").orElseThrow();
        assertEquals(Optional.of("AnalogPhone"), p1.lpcor().incoming());
        assertEquals(Optional.of("AnalogPhone"), p1.lpcor().outgoing());
        VoicePort p0 = c.voicePort("0/1/0").orElseThrow();
        assertEquals(Optional.of("Phone1"), p0.stationName());
        assertEquals(Optional.of("1235"), p0.stationNumber());
        assertTrue(p0.callerId());

        assertEquals(Optional.of("LocalUser"), c.ephone(102).orElseThrow().lpcor().incoming());
        assertEquals(Optional.of(LpcorType.LOCAL), c.ephone(102).orElseThrow().lpcorType());
        assertEquals(Optional.of("0005.9A3C.7A00"), c.ephone(102).orElseThrow().macAddress());
        assertEquals(Optional.of("786786"), c.ephoneDn(102).orElseThrow().number());
        assertTrue(c.ephoneDn(102).orElseThrow().dualLine());

        assertEquals(Optional.of("flash:en_bacd_enter_dest.au"), c.authPackage().userPrompt());
        assertTrue(c.authPackage().passwd().orElseThrow().matches("54321"));
        assertEquals('#', c.authPackage().termDigit());
        assertEquals(32, c.authPackage().maxDigits());

        User fac = c.user("786").orElseThrow();
        assertTrue(fac.isNumeric());
        assertTrue(fac.credential().matches("54321"));
        assertFalse(fac.credential().matches("54322"));
        assertEquals(15, c.user("admin").orElseThrow().privilege());

        assertTrue(c.aaa().newModel());
        assertEquals(List.of(AaaMethod.of(AaaMethod.Kind.LOCAL)), c.aaa().loginList("h323").orElseThrow().methods());
        assertTrue(c.accounting().aaa());
        assertTrue(c.aaa().sessionIdCommon());
        assertInstanceOf(HashedSecret.class, c.enableSecret().orElseThrow());
        assertTrue(c.enableSecret().orElseThrow().matches("cme-enable"));
        assertEquals(List.of("telnet", "ssh"), c.line(LineKind.VTY, 3).orElseThrow().transportInput());
    }

    @Test
    @DisplayName("examples/exec-callback.cfg: the callback access server (exec-callback spec) loads")
    void execCallbackLoads() {
        GatewayConfig c = Examples.load("exec-callback.cfg");
        assertEquals("maui-nas-04", c.hostname());
        assertTrue(c.services().execCallback());
        assertFalse(c.services().passwordEncryption());
        User u1 = c.user("austin-01").orElseThrow();
        assertTrue(u1.noCallbackVerify());
        assertEquals(Optional.of("84001"), u1.callbackDialstring());
        User u2 = c.user("austin-02").orElseThrow();
        assertFalse(u2.noCallbackVerify());
        assertEquals(Optional.of(""), u2.callbackDialstring());
        assertTrue(u2.credential().matches("austin02pw"));
        assertEquals("ABORT ERROR ABORT BUSY \"\" \"AT\" OK \"ATDT \\T\" TIMEOUT 45 CONNECT \\c",
                c.chatScript("rtp").orElseThrow().script());
        assertEquals("\"\" \"ATH1\" OK", c.chatScript("offhook").orElseThrow().script());

        LineConfig aux = c.line(LineKind.AUX, 0).orElseThrow();
        assertEquals(Optional.of("offhook"), aux.scriptModemOffHook());
        assertEquals(Optional.of("rtp"), aux.scriptCallback());
        assertTrue(aux.loginLocal());
        assertEquals(Optional.of("InOut"), aux.modem());
        assertEquals(List.of("all"), aux.transportInput());
        assertEquals(OptionalInt.of(5), aux.callbackForcedWaitSeconds());
        assertEquals(Optional.of("hardware"), aux.flowcontrol());
        LineConfig tty = c.line(LineKind.TTY, 67).orElseThrow();
        assertEquals(65, tty.first());
        assertEquals(70, tty.last());
        assertTrue(c.line(LineKind.VTY, 0).orElseThrow().loginLocal());
        assertEquals(List.of("none"), c.line(LineKind.CON, 0).orElseThrow().transportInput());
        assertTrue(c.enableSecret().orElseThrow().matches("maui-enable"));

        List<String> kept = c.passthrough().stream().map(PassthroughCommand::line).toList();
        assertTrue(kept.containsAll(List.of("version 12.0", "service timestamps debug datetime msec",
                "service timestamps log datetime msec", "ip subnet-zero", "interface Ethernet0/0", "ip classless")),
                kept.toString());
        PassthroughCommand eth = c.passthrough().stream().filter(p -> p.line().equals("interface Ethernet0/0"))
                .findFirst().orElseThrow();
        assertEquals(List.of("ip address 10.0.0.1 255.0.0.0", "no ip directed-broadcast"), eth.children());
    }

    @Test
    @DisplayName("printing an example and parsing it back gives the same configuration")
    void examplesRoundTrip() {
        for (String name : List.of("cme-fac.cfg", "exec-callback.cfg")) {
            GatewayConfig c = Examples.load(name);
            String text = ConfigPrinter.print(c);
            ParseResult r = ConfigParser.parse("printed-" + name, text);
            ParseResult.Ok ok = assertInstanceOf(ParseResult.Ok.class, r, () -> text + "\n" + r);
            assertEquals(c, ok.config(), text);
            assertEquals(text, ConfigPrinter.print(ok.config()));
        }
    }
}
