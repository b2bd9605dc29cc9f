package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.aaa.AaaMethod;
import org.tollgate.config.aaa.AccountingList;
import org.tollgate.config.aaa.GroupServer;
import org.tollgate.config.aaa.MethodList;
import org.tollgate.config.aaa.RadiusGroup;
import org.tollgate.config.cme.Button;
import org.tollgate.config.cme.Ephone;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.PoolNumber;
import org.tollgate.config.cme.VoiceRegisterDn;
import org.tollgate.config.cme.VoiceRegisterPool;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.lpcor.LpcorMembership;
import org.tollgate.config.lpcor.LpcorPolicy;
import org.tollgate.config.lpcor.PolicyRule;
import org.tollgate.config.lpcor.Verdict;
import org.tollgate.config.user.User;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.VoicePort;

/**
 * Whole-configuration checks run after parsing: cross references and the FAC/extension clash.
 *
 * <p>Errors: an undefined LPCOR group (endpoint membership, policy name, policy rule), an undefined
 * chat-script named by a line's {@code script ...}, a dial-peer {@code port} without a
 * {@code voice-port} block (tollgate has no hardware inventory: configured voice-ports are the ports),
 * an ephone {@code button} naming a missing ephone-dn, a SIP pool {@code number} naming a missing
 * {@code voice register dn}, a {@code server name X} without {@code radius server X}.
 * Warnings (IOS accepts these): an AAA method or accounting list naming an undefined server group,
 * a numeric username (FAC code) equal to an extension number (FAC/LPCOR spec section 3), an LPCOR
 * policy without {@code voice lpcor enable}, and {@code accept G fac} in a policy without
 * {@code service fac} (the call-control module then accepts such calls without a FAC), and the same
 * extension number on two directory numbers.
 */
final class Validator {

    /**
     * One finding.
     *
     * @param error error (the configuration is rejected) or warning
     * @param refKey the reference it concerns, e.g. {@code lpcor:LocalUser}, used to find the lines to blame
     * @param message text
     */
    record Issue(boolean error, String refKey, String message) {
    }

    private Validator() {
    }

    static List<Issue> check(GatewayConfig c) {
        List<Issue> out = new ArrayList<>();
        for (VoicePort p : c.voicePorts()) {
            lpcor(c, p.lpcor(), "voice-port " + p.id(), out);
        }
        for (DialPeer d : c.dialPeers()) {
            lpcor(c, d.lpcor(), "dial-peer voice " + d.tag(), out);
            d.port().ifPresent(port -> {
                if (c.voicePort(port).isEmpty()) {
                    out.add(new Issue(true, "voice-port:" + port, "% voice-port " + port
                            + " does not exist (dial-peer voice " + d.tag() + " port)"));
                }
            });
        }
        for (Ephone e : c.ephones()) {
            lpcor(c, e.lpcor(), "ephone " + e.tag(), out);
            for (Button b : e.buttons()) {
                for (int dn : b.dns()) {
                    if (c.ephoneDn(dn).isEmpty()) {
                        out.add(new Issue(true, "ephone-dn:" + dn, "% ephone-dn " + dn
                                + " does not exist (ephone " + e.tag() + " button " + b.text() + ")"));
                    }
                }
            }
        }
        for (VoiceRegisterPool p : c.voiceRegister().pools()) {
            lpcor(c, p.lpcor(), "voice register pool " + p.tag(), out);
            for (PoolNumber n : p.numbers()) {
                if (c.voiceRegister().dn(n.dn()).isEmpty()) {
                    out.add(new Issue(true, "register-dn:" + n.dn(), "% voice register dn " + n.dn()
                            + " does not exist (voice register pool " + p.tag() + " number " + n.index() + ")"));
                }
            }
        }
        for (LpcorPolicy p : c.lpcor().policies()) {
            group(c, p.name(), "voice lpcor policy " + p.name(), out);
            if (!c.lpcor().enabled()) {
                out.add(new Issue(false, "def-policy:" + p.name(), "voice lpcor policy " + p.name()
                        + " has no effect without voice lpcor enable"));
            }
            for (PolicyRule r : p.rules()) {
                group(c, r.sourceGroup(), "voice lpcor policy " + p.name() + " accept", out);
                if (r.verdict() == Verdict.ACCEPT_FAC && !p.serviceFac()) {
                    out.add(new Issue(false, "def-fac-rule:" + p.name() + " " + r.sourceGroup(), "accept "
                            + r.sourceGroup() + " fac in voice lpcor policy " + p.name()
                            + " asks for no FAC without service fac (calls are accepted plainly)"));
                }
            }
        }
        for (LineConfig l : c.lines()) {
            for (Optional<String> s : List.of(l.scriptCallback(), l.scriptModemOffHook(), l.scriptStartup(),
                    l.scriptReset(), l.scriptDialer())) {
                s.ifPresent(name -> {
                    if (c.chatScript(name).isEmpty()) {
                        out.add(new Issue(true, "chat-script:" + name, "% chat-script " + name
                                + " is not defined (" + l.header() + ")"));
                    }
                });
            }
        }
        for (RadiusGroup g : c.aaa().serverGroups()) {
            for (GroupServer s : g.servers()) {
                if (s.byName() && c.radius().server(s.target()).isEmpty()) {
                    out.add(new Issue(true, "radius-server:" + s.target(), "% radius server " + s.target()
                            + " is not defined (aaa group server radius " + g.name() + ")"));
                }
            }
        }
        List<MethodList> lists = new ArrayList<>(c.aaa().authentication());
        lists.addAll(c.aaa().authorization());
        for (MethodList l : lists) {
            for (AaaMethod m : l.methods()) {
                if (m.kind() == AaaMethod.Kind.GROUP) {
                    serverGroup(c, m.group(), out);
                }
            }
        }
        for (AccountingList l : c.aaa().accounting()) {
            for (String g : l.groups()) {
                serverGroup(c, g, out);
            }
        }
        facClashes(c, out);
        duplicateExtensions(c, out);
        return out;
    }

    /** The same extension number on two directory numbers: calls to it would reach only one (warning). */
    private static void duplicateExtensions(GatewayConfig c, List<Issue> out) {
        Map<String, String> seen = new LinkedHashMap<>();
        List<String[]> numbered = new ArrayList<>();
        for (EphoneDn d : c.ephoneDns()) {
            d.number().ifPresent(n -> numbered.add(new String[] {n, "ephone-dn " + d.tag(), "ephone-dn:" + d.tag()}));
        }
        for (VoiceRegisterDn d : c.voiceRegister().dns()) {
            d.number().ifPresent(n -> numbered.add(new String[] {n, "voice register dn " + d.tag(),
                    "register-dn:" + d.tag()}));
        }
        for (String[] e : numbered) {
            String first = seen.putIfAbsent(e[0], e[1]);
            if (first != null) {
                out.add(new Issue(false, "def-number:" + e[2], "extension " + e[0] + " is configured on both "
                        + first + " and " + e[1]));
            }
        }
    }

    private static void lpcor(GatewayConfig c, LpcorMembership m, String where, List<Issue> out) {
        m.incoming().ifPresent(g -> group(c, g, where + " lpcor incoming", out));
        m.outgoing().ifPresent(g -> group(c, g, where + " lpcor outgoing", out));
    }

    private static void group(GatewayConfig c, String name, String where, List<Issue> out) {
        if (c.lpcorGroup(name).isEmpty()) {
            out.add(new Issue(true, "lpcor:" + name, "% LPCOR resource group " + name
                    + " is not defined in voice lpcor custom (" + where + ")"));
        }
    }

    private static void serverGroup(GatewayConfig c, String name, List<Issue> out) {
        if (!name.equals("radius") && c.aaa().serverGroup(name).isEmpty()) {
            out.add(new Issue(false, "aaa-group:" + name, "AAA server group " + name
                    + " is not defined (aaa group server radius " + name + ")"));
        }
    }

    private static void facClashes(GatewayConfig c, List<Issue> out) {
        for (User u : c.users()) {
            if (!u.isNumeric()) {
                continue;
            }
            for (EphoneDn dn : c.ephoneDns()) {
                if (dn.number().filter(u.name()::equals).isPresent()) {
                    out.add(new Issue(false, "def-user:" + u.name(), "FAC code " + u.name()
                            + " (username) equals the extension number of ephone-dn " + dn.tag()));
                }
            }
            for (VoiceRegisterDn dn : c.voiceRegister().dns()) {
                if (dn.number().filter(u.name()::equals).isPresent()) {
                    out.add(new Issue(false, "def-user:" + u.name(), "FAC code " + u.name()
                            + " (username) equals the extension number of voice register dn " + dn.tag()));
                }
            }
        }
    }
}
