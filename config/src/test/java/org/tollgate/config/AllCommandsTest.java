package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.aaa.AaaMethod;
import org.tollgate.config.aaa.GroupServer;
import org.tollgate.config.accounting.FileAccounting;
import org.tollgate.config.accounting.FileTarget;
import org.tollgate.config.cme.Button;
import org.tollgate.config.cme.CallForward;
import org.tollgate.config.cme.HuntGroup;
import org.tollgate.config.cme.ParkSlot;
import org.tollgate.config.cme.PoolNumber;
import org.tollgate.config.line.ExecTimeout;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.line.LineKind;
import org.tollgate.config.line.SerialDevice;
import org.tollgate.config.lpcor.LpcorPolicy;
import org.tollgate.config.lpcor.LpcorType;
import org.tollgate.config.lpcor.Verdict;
import org.tollgate.config.secret.HashedSecret;
import org.tollgate.config.system.LogHost;
import org.tollgate.config.system.SyslogLevel;
import org.tollgate.config.voice.Codec;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.DtmfRelay;
import org.tollgate.config.voice.VoicePort;

@DisplayName("Every supported command parses into its typed value and prints back (all-commands.cfg)")
class AllCommandsTest {
    private static String text;
    private static GatewayConfig c;

    @BeforeAll
    static void load() {
        try (InputStream in = AllCommandsTest.class.getResourceAsStream("/all-commands.cfg")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ParseResult r = ConfigParser.parse("all-commands.cfg", text);
        c = assertInstanceOf(ParseResult.Ok.class, r, () -> r.toString()).config();
    }

    @Test
    @DisplayName("global system commands: hostname, services, enable secret, usernames with options in any order")
    void system() {
        assertEquals("gw-all", c.hostname());
        assertTrue(c.services().passwordEncryption());
        assertTrue(c.services().execCallback());
        HashedSecret enable = c.enableSecret().orElseThrow();
        assertEquals(9, enable.type(), "a clear enable secret is stored as a type 9 hash");
        assertTrue(enable.matches("all-enable"));
        assertFalse(enable.encoded().contains("all-enable"));
        assertTrue(c.user("admin").orElseThrow().credential().matches("admin pw"), "type 0 password keeps spaces");
        GatewayConfig bang = ((ParseResult.Ok) ConfigParser.parse("t", "username b password 0 ! x\n")).config();
        assertTrue(bang.user("b").orElseThrow().credential().matches("! x"), "a password may start with !");
        assertTrue(c.user("ops").orElseThrow().credential().matches("maui-enable"), "username secret 5");
        assertTrue(c.user("786").orElseThrow().credential().matches("cisco"), "password 7 is decoded");
        assertEquals(2, c.user("cb1").orElseThrow().privilege());
        assertTrue(c.user("cb1").orElseThrow().noCallbackVerify());
        assertEquals(Optional.of(""), c.user("cb2").orElseThrow().callbackDialstring());
        assertEquals(List.of("admin", "ops", "786", "cb1", "cb2"), c.users().stream().map(u -> u.name()).toList());
    }

    @Test
    @DisplayName("aaa, radius and accounting commands")
    void aaa() {
        assertTrue(c.aaa().newModel());
        assertFalse(c.aaa().sessionIdCommon());
        assertEquals(List.of(AaaMethod.group("RAD"), AaaMethod.of(AaaMethod.Kind.LOCAL)),
                c.aaa().loginList("fac").orElseThrow().methods());
        assertEquals(List.of(AaaMethod.of(AaaMethod.Kind.NONE)), c.aaa().loginList("con").orElseThrow().methods());
        assertEquals(List.of(AaaMethod.group("radius")),
                c.aaa().authorizationList("network", "h323").orElseThrow().methods());
        assertTrue(c.aaa().accountingList("connection", "h323").orElseThrow().startStop());
        assertFalse(c.aaa().accountingList("exec", "default").orElseThrow().startStop());
        assertEquals(List.of(new GroupServer(true, "R1", 0, 0), new GroupServer(false, "10.0.0.9", 1812, 1813)),
                c.aaa().serverGroup("RAD").orElseThrow().servers());
        var r1 = c.radius().server("R1").orElseThrow();
        assertEquals(Optional.of("10.0.0.11"), r1.address());
        assertEquals(1812, r1.authPort());
        assertEquals("r1key", r1.key().orElseThrow().reveal());
        assertEquals(OptionalInt.of(4), r1.timeoutSeconds());
        assertEquals(OptionalInt.of(1), r1.retransmit());
        assertEquals("hostkey", c.radius().hosts().getFirst().key().orElseThrow().reveal());
        assertEquals("globalkey", c.radius().key().orElseThrow().reveal());
        assertEquals(7, c.radius().timeoutSeconds());
        assertEquals(2, c.radius().retransmit());
        assertEquals(10, c.radius().deadtimeMinutes());
        assertEquals(Optional.of("Ethernet0/0"), c.radius().sourceInterface());
        assertTrue(c.accounting().aaa());
        assertTrue(c.accounting().syslog());
        FileAccounting f = c.accounting().file().orElseThrow();
        assertEquals(Optional.of(new FileTarget("ifs", "flash:cdr")), f.primary());
        assertEquals(Optional.of(new FileTarget("ftp", "ftp://user:pw@10.0.0.5/cdr")), f.secondary());
        assertTrue(f.compact());
        assertEquals(List.of(30, 120, 10, 3),
                List.of(f.bufferSizeKb(), f.fileCloseMinutes(), f.cdrFlushMinutes(), f.retryCount()));
        assertEquals(Optional.of(SyslogLevel.WARNINGS), c.logging().trap());
        assertEquals(List.of(new LogHost("10.0.0.50", false, 514), new LogHost("10.0.0.51", true, 1514)),
                c.logging().hosts());
        List<String> kept = c.passthrough().stream().map(p -> p.line()).toList();
        assertTrue(kept.containsAll(List.of("logging buffered 51200 warnings", "no logging console",
                "ip ssh version 2", "voice-card 0")), kept.toString());
        assertEquals(List.of("dspfarm", "dsp services dspfarm"), c.passthrough().stream()
                .filter(p -> p.line().equals("voice-card 0")).findFirst().orElseThrow().children());
        assertEquals(60, c.dialControlMib().retainTimerMinutes());
        assertEquals(500, c.dialControlMib().maxSize());
        assertEquals(8, c.timeouts().interdigit());
    }

    @Test
    @DisplayName("LPCOR, application/package auth")
    void lpcorAndAuthPackage() {
        assertTrue(c.lpcor().enabled());
        assertEquals(28, c.lpcor().callBlockCause(), "invalid-number is Q.850 cause 28");
        assertEquals(5, c.lpcor().groups().size());
        assertEquals(13, c.lpcorGroup("PSTNTrunk").orElseThrow().number());
        LpcorPolicy p = c.lpcor().policy("PSTNTrunk").orElseThrow();
        assertTrue(p.serviceFac());
        assertEquals(Verdict.ACCEPT, p.rule("Manager").orElseThrow().verdict());
        assertEquals(Verdict.ACCEPT_FAC, p.rule("RemoteUser").orElseThrow().verdict());
        assertEquals(Verdict.REJECT, p.rule("PSTNTrunk").orElseThrow().verdict());
        assertTrue(p.rule("IPTrunk").isEmpty());
        var auth = c.authPackage();
        assertEquals(2, auth.maxRetries());
        assertEquals('*', auth.termDigit());
        assertEquals('#', auth.abortDigit());
        assertEquals(8, auth.maxDigits());
        assertEquals("fac-app", c.application().services().getFirst().name());
    }

    @Test
    @DisplayName("voice-port and dial-peer commands")
    void voice() {
        VoicePort p = c.voicePort("0/1/0").orElseThrow();
        assertEquals(Optional.of("sim"), p.device());
        assertEquals(Optional.of("loop-start"), p.signal());
        assertEquals(Optional.of("US"), p.cptone());
        assertEquals(OptionalInt.of(5), p.interdigitSeconds());
        assertEquals(Optional.of("Front desk phone"), p.description());
        assertTrue(c.voicePort("0/1/1").orElseThrow().shutdown());
        DialPeer pots = c.dialPeer(1).orElseThrow();
        assertEquals(2, pots.preference());
        assertTrue(pots.huntstop());
        assertFalse(pots.digitStrip());
        assertEquals(Optional.of("all"), pots.forwardDigits());
        assertEquals(Optional.of("9"), pots.prefix());
        assertEquals(Optional.of("."), pots.incomingCalledNumber());
        DialPeer voip = c.dialPeer(100).orElseThrow();
        assertTrue(voip.voip());
        assertTrue(voip.sessionProtocolSip());
        assertTrue(voip.sessionTransportTcp());
        assertEquals("10.0.0.20", voip.sessionTarget().orElseThrow().address());
        assertEquals(5062, voip.sessionTarget().orElseThrow().portOrDefault());
        assertEquals(List.of(DtmfRelay.RTP_NTE, DtmfRelay.SIP_INFO), voip.dtmfRelay());
        assertEquals(Optional.of(Codec.G711ULAW), voip.codec());
        assertEquals(Optional.of("2..."), voip.answerAddress());
        assertEquals(List.of("allow-connections sip to sip"), c.voiceServiceVoip().orElseThrow().commands());
        assertEquals(List.of("retry invite 2", "timers trying 500"), c.sipUa().orElseThrow().commands());
    }

    @Test
    @DisplayName("CME commands: ephone-dn (park slot, meet-me, intercom), ephone, voice register, hunt group, telephony-service")
    void cme() {
        var dn = c.ephoneDn(102).orElseThrow();
        assertEquals(Optional.of("Hussain"), dn.name());
        assertEquals(List.of(new CallForward("all", "2001", OptionalInt.empty()),
                new CallForward("noan", "2001", OptionalInt.of(20))), dn.callForwards());
        assertEquals(Optional.of("5"), dn.pickupGroup());
        assertEquals(Optional.of("2001"), c.ephoneDn(103).orElseThrow().intercom());
        assertEquals(Optional.of(new ParkSlot(OptionalInt.of(60), OptionalInt.of(3), true)),
                c.ephoneDn(50).orElseThrow().parkSlot());
        assertEquals(Optional.of("meetme"), c.ephoneDn(60).orElseThrow().conference());
        HuntGroup hunt = c.huntGroup(1).orElseThrow();
        assertEquals("parallel", hunt.kind());
        assertEquals(Optional.of("3000"), hunt.pilot());
        assertEquals(List.of("2001", "2003"), hunt.members());
        assertEquals(OptionalInt.of(20), hunt.timeoutSeconds());
        assertEquals(Optional.of("5000"), hunt.finalNumber());
        var e = c.ephone(102).orElseThrow();
        assertEquals(Optional.of("0005.9A3C.7A00"), e.macAddress(), "MAC addresses are upper-cased");
        assertEquals(List.of(new Button(1, ':', List.of(102)), new Button(2, 'o', List.of(103))), e.buttons());
        assertEquals(Optional.of("hussain"), e.username());
        var g = c.voiceRegister().global().orElseThrow();
        assertTrue(g.modeCme());
        assertEquals(Optional.of("10.0.0.1"), g.sourceAddress());
        assertTrue(g.authenticateRegister());
        var rdn = c.voiceRegister().dn(1).orElseThrow();
        assertEquals(Optional.of("2001"), rdn.number());
        assertEquals(2, rdn.callForwards().size());
        var pool = c.voiceRegister().pool(1).orElseThrow();
        assertEquals(Optional.of("mac 0011.2233.4455"), pool.id());
        assertEquals(List.of(new PoolNumber(1, 1)), pool.numbers());
        assertEquals(Optional.of(LpcorType.REMOTE), pool.lpcorType());
        assertTrue(pool.password().orElseThrow().matches("secret1"));
        var t = c.telephonyService().orElseThrow();
        assertEquals(OptionalInt.of(10), t.maxEphones());
        assertEquals(OptionalInt.of(6), t.interdigitSeconds());
        assertEquals(List.of("call-park system application", "transfer-system full-consult", "create cnf-files"),
                t.kept());
    }

    @Test
    @DisplayName("line commands, including the device extension and several vty ranges")
    void lines() {
        LineConfig con = c.line(LineKind.CON, 0).orElseThrow();
        assertEquals(Optional.of(new ExecTimeout(0, 0)), con.execTimeout());
        assertEquals(OptionalInt.of(15), con.privilegeLevel());
        assertEquals(Optional.of("line"), con.login());
        assertTrue(con.password().orElseThrow().matches("conpw"));
        LineConfig tty = c.line(LineKind.TTY, 65).orElseThrow();
        assertEquals(Optional.of(new SerialDevice("/dev/ttyS1", OptionalInt.of(57600))), tty.device());
        assertEquals(OptionalInt.of(115200), tty.speed());
        assertEquals(List.of("during-login"), tty.autoselect());
        LineConfig aux = c.line(LineKind.AUX, 0).orElseThrow();
        assertEquals(Optional.of("rtp"), aux.scriptDialer());
        assertEquals(List.of("telnet"), aux.transportOutput());
        assertEquals(Optional.of("authentication default"), c.line(LineKind.VTY, 2).orElseThrow().login());
        assertTrue(c.line(LineKind.VTY, 9).orElseThrow().loginLocal());
        assertEquals(List.of(LineKind.CON, LineKind.TTY, LineKind.AUX, LineKind.VTY, LineKind.VTY),
                c.lines().stream().map(LineConfig::kind).toList(), "running-config line order");
    }

    @Test
    @DisplayName("printing is stable and parses back to the same configuration; passwords print as type 7")
    void roundTrip() {
        String printed = ConfigPrinter.print(c);
        assertTrue(printed.startsWith("!\n"));
        assertTrue(printed.endsWith("end\n"));
        assertTrue(printed.contains("username admin privilege 15 password 7 "), printed);
        assertFalse(printed.contains("admin pw"), "service password-encryption hides type 0 passwords");
        assertTrue(printed.contains("banner motd ^C\nAuthorized access only.\n^C\n"), printed);
        GatewayConfig again = ((ParseResult.Ok) ConfigParser.parse("printed", printed)).config();
        assertEquals(c, again);
        assertEquals(printed, ConfigPrinter.print(again));
    }
}
