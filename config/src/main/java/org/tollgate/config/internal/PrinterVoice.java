package org.tollgate.config.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cme.Button;
import org.tollgate.config.cme.CallForward;
import org.tollgate.config.cme.Ephone;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.HuntGroup;
import org.tollgate.config.cme.PoolNumber;
import org.tollgate.config.cme.VoiceRegisterDn;
import org.tollgate.config.cme.VoiceRegisterGlobal;
import org.tollgate.config.cme.VoiceRegisterPool;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.lpcor.LpcorMembership;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.DtmfRelay;
import org.tollgate.config.voice.VoicePort;

/** The voice, CME and line sections of {@link Printer}. */
final class PrinterVoice {
    private final Printer p;
    private final GatewayConfig c;

    PrinterVoice(Printer p, GatewayConfig c) {
        this.p = p;
        this.c = c;
    }

    void voiceServiceAndLpcor() {
        c.voiceServiceVoip().ifPresent(v -> {
            p.line("voice service voip");
            v.commands().forEach(s -> p.line(" " + s));
            if (v.sip()) {
                p.line(" sip");
                v.sipCommands().forEach(s -> p.line("  " + s));
            }
            p.bang();
        });
        p.lpcor(c.lpcor());
    }

    void voiceRegister() {
        c.voiceRegister().global().ifPresent(this::registerGlobal);
        for (VoiceRegisterDn d : c.voiceRegister().dns()) {
            p.line("voice register dn " + d.tag());
            d.number().ifPresent(n -> p.line(" number " + n));
            d.name().ifPresent(n -> p.line(" name " + n));
            d.label().ifPresent(n -> p.line(" label " + n));
            forwards(" call-forward b2bua ", d.callForwards());
            d.pickupGroup().ifPresent(n -> p.line(" pickup-group " + n));
            d.snr().ifPresent(x -> p.line(" " + x.text()));
            p.bang();
        }
        for (VoiceRegisterPool v : c.voiceRegister().pools()) {
            p.line("voice register pool " + v.tag());
            v.id().ifPresent(i -> p.line(" id " + i));
            v.lpcorType().ifPresent(t -> p.line(" lpcor type " + t.keyword()));
            lpcor(v.lpcor());
            for (PoolNumber n : v.numbers()) {
                p.line(" number " + n.index() + " dn " + n.dn());
            }
            dtmf(v.dtmfRelay());
            v.username().ifPresent(u -> p.line(" username " + u + v.password().map(x -> " password " + x.reveal())
                    .orElse("")));
            v.codec().ifPresent(x -> p.line(" codec " + x.keyword()));
            p.bang();
        }
    }

    private void registerGlobal(VoiceRegisterGlobal g) {
        p.line("voice register global");
        if (g.modeCme()) {
            p.line(" mode cme");
        }
        g.sourceAddress().ifPresent(a -> p.line(" source-address " + a
                + (g.sourcePort().isPresent() ? " port " + g.sourcePort().getAsInt() : "")));
        g.maxDn().ifPresent(n -> p.line(" max-dn " + n));
        g.maxPool().ifPresent(n -> p.line(" max-pool " + n));
        if (g.authenticateRegister()) {
            p.line(" authenticate register");
        }
        p.bang();
    }

    private void forwards(String prefix, List<CallForward> fs) {
        for (CallForward f : fs) {
            p.line(prefix + f.kind() + " " + f.number()
                    + (f.timeoutSeconds().isPresent() ? " timeout " + f.timeoutSeconds().getAsInt() : ""));
        }
    }

    private void lpcor(LpcorMembership m) {
        m.incoming().ifPresent(g -> p.line(" lpcor incoming " + g));
        m.outgoing().ifPresent(g -> p.line(" lpcor outgoing " + g));
    }

    private void dtmf(List<DtmfRelay> ds) {
        if (!ds.isEmpty()) {
            p.line(" dtmf-relay " + ds.stream().map(DtmfRelay::keyword).collect(Collectors.joining(" ")));
        }
    }

    void voicePorts() {
        for (VoicePort v : c.voicePorts()) {
            p.line("voice-port " + v.id());
            v.device().ifPresent(d -> p.line(" device " + d));
            v.signal().ifPresent(s -> p.line(" signal " + s));
            v.cptone().ifPresent(s -> p.line(" cptone " + s));
            lpcor(v.lpcor());
            v.interdigitSeconds().ifPresent(t -> p.line(" timeouts interdigit " + t));
            v.description().ifPresent(d -> p.line(" description " + d));
            v.stationName().ifPresent(s -> p.line(" station-id name " + s));
            v.stationNumber().ifPresent(s -> p.line(" station-id number " + s));
            if (v.callerId()) {
                p.line(" caller-id enable");
            }
            if (v.shutdown()) {
                p.line(" shutdown");
            }
            p.bang();
        }
    }

    void dialPeers() {
        for (DialPeer d : c.dialPeers()) {
            p.line("dial-peer voice " + d.tag() + (d.voip() ? " voip" : " pots"));
            d.description().ifPresent(x -> p.line(" description " + x));
            if (d.preference() != 0) {
                p.line(" preference " + d.preference());
            }
            if (d.huntstop()) {
                p.line(" huntstop");
            }
            d.destinationPattern().ifPresent(x -> p.line(" destination-pattern " + x));
            d.incomingCalledNumber().ifPresent(x -> p.line(" incoming called-number " + x));
            d.answerAddress().ifPresent(x -> p.line(" answer-address " + x));
            lpcor(d.lpcor());
            d.port().ifPresent(x -> p.line(" port " + x));
            d.forwardDigits().ifPresent(x -> p.line(" forward-digits " + x));
            d.prefix().ifPresent(x -> p.line(" prefix " + x));
            if (!d.digitStrip()) {
                p.line(" no digit-strip");
            }
            if (d.sessionProtocolSip()) {
                p.line(" session protocol sipv2");
            }
            if (d.sessionTransportTcp()) {
                p.line(" session transport tcp");
            }
            d.sessionTarget().ifPresent(t -> p.line(" session target " + t.text()));
            dtmf(d.dtmfRelay());
            d.codec().ifPresent(x -> p.line(" codec " + x.keyword()));
            p.bang();
        }
    }

    void sipUa() {
        c.sipUa().ifPresent(s -> {
            p.line("sip-ua");
            s.commands().forEach(x -> p.line(" " + x));
            p.bang();
        });
    }

    void telephony() {
        c.telephonyService().ifPresent(t -> {
            p.line("telephony-service");
            t.maxEphones().ifPresent(n -> p.line(" max-ephones " + n));
            t.maxDn().ifPresent(n -> p.line(" max-dn " + n));
            t.ipSourceAddress().ifPresent(a -> p.line(" ip source-address " + a
                    + (t.ipSourcePort().isPresent() ? " port " + t.ipSourcePort().getAsInt() : "")));
            t.interdigitSeconds().ifPresent(n -> p.line(" timeouts interdigit " + n));
            t.kept().forEach(k -> p.line(" " + k));
            p.bang();
        });
    }

    void ephones() {
        for (EphoneDn d : c.ephoneDns()) {
            p.line("ephone-dn " + d.tag() + (d.dualLine() ? " dual-line" : ""));
            d.number().ifPresent(n -> p.line(" number " + n));
            d.label().ifPresent(n -> p.line(" label " + n));
            d.name().ifPresent(n -> p.line(" name " + n));
            forwards(" call-forward ", d.callForwards());
            d.pickupGroup().ifPresent(n -> p.line(" pickup-group " + n));
            d.parkSlot().ifPresent(ps -> p.line(" park-slot" + (ps.timeoutSeconds().isPresent()
                    ? " timeout " + ps.timeoutSeconds().getAsInt() + " limit " + ps.limit().getAsInt() : "")
                    + (ps.recall() ? " recall" : "") + ps.transfer().map(n -> " transfer " + n).orElse("")));
            d.conference().ifPresent(x -> p.line(" conference " + x));
            d.intercom().ifPresent(x -> p.line(" intercom " + x));
            d.snr().ifPresent(x -> p.line(" " + x.text()));
            p.bang();
        }
        for (Ephone e : c.ephones()) {
            p.line("ephone " + e.tag());
            e.lpcorType().ifPresent(t -> p.line(" lpcor type " + t.keyword()));
            lpcor(e.lpcor());
            e.deviceSecurityMode().ifPresent(x -> p.line(" device-security-mode " + x));
            e.macAddress().ifPresent(x -> p.line(" mac-address " + x));
            e.type().ifPresent(x -> p.line(" type " + x));
            e.username().ifPresent(u -> p.line(" username " + u + e.password().map(x -> " password " + x.reveal())
                    .orElse("")));
            if (!e.buttons().isEmpty()) {
                p.line(" button " + e.buttons().stream().map(Button::text).collect(Collectors.joining(" ")));
            }
            p.bang();
        }
    }

    void huntGroups() {
        for (HuntGroup h : c.huntGroups()) {
            p.line("voice hunt-group " + h.tag() + " " + h.kind());
            h.pilot().ifPresent(x -> p.line(" pilot " + x));
            if (!h.members().isEmpty()) {
                p.line(" list " + String.join(",", h.members()));
            }
            h.timeoutSeconds().ifPresent(x -> p.line(" timeout " + x));
            h.finalNumber().ifPresent(x -> p.line(" final " + x));
            p.bang();
        }
    }

    void lines() {
        for (LineConfig l : c.lines()) {
            p.line(l.header());
            l.execTimeout().ifPresent(t -> p.line(" exec-timeout " + t.minutes() + " " + t.seconds()));
            l.privilegeLevel().ifPresent(n -> p.line(" privilege level " + n));
            l.password().ifPresent(x -> p.line(" password " + p.pw(x)));
            l.scriptModemOffHook().ifPresent(s -> p.line(" script modem-off-hook " + s));
            l.scriptCallback().ifPresent(s -> p.line(" script callback " + s));
            l.scriptStartup().ifPresent(s -> p.line(" script startup " + s));
            l.scriptReset().ifPresent(s -> p.line(" script reset " + s));
            l.scriptDialer().ifPresent(s -> p.line(" script dialer " + s));
            l.login().ifPresent(s -> p.line(s.equals("line") ? " login" : " login " + s));
            l.modem().ifPresent(s -> p.line(" modem " + s));
            l.autoselect().forEach(s -> p.line(" autoselect " + s));
            if (!l.transportInput().isEmpty()) {
                p.line(" transport input " + String.join(" ", l.transportInput()));
            }
            if (!l.transportOutput().isEmpty()) {
                p.line(" transport output " + String.join(" ", l.transportOutput()));
            }
            l.speed().ifPresent(n -> p.line(" speed " + n));
            l.callbackForcedWaitSeconds().ifPresent(n -> p.line(" callback forced-wait " + n));
            l.flowcontrol().ifPresent(s -> p.line(" flowcontrol " + s));
            l.device().ifPresent(d -> p.line(" device " + d.path()
                    + (d.speed().isPresent() ? " speed " + d.speed().getAsInt() : "")));
        }
    }

}
