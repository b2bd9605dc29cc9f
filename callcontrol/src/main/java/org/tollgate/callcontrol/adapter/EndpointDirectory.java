package org.tollgate.callcontrol.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tollgate.callcontrol.routing.DestinationPattern;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPeerTarget;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cme.Button;
import org.tollgate.config.cme.Ephone;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.PoolNumber;
import org.tollgate.config.cme.VoiceRegisterDn;
import org.tollgate.config.cme.VoiceRegisterPool;
import org.tollgate.config.voice.VoicePort;

/**
 * Who is who in the configuration, for the modules that start calls (SIP B2BUA, lines): the
 * endpoints with their numbers and LPCOR groups, the implicit dial-peers of phone lines, and the
 * inbound dial-peer group of a call arriving over a trunk.
 *
 * <p>Which side each {@code lpcor} setting applies to (as in CME): {@code lpcor incoming} is the
 * group of calls <em>from</em> the endpoint, {@code lpcor outgoing} the group whose policy applies
 * to calls <em>to</em> it. For a trunk: the inbound dial-peer's {@code lpcor incoming} classifies
 * calls arriving over it; the outbound dial-peer's {@code lpcor outgoing} chooses the policy of
 * calls sent over it.
 */
public final class EndpointDirectory {
    /** First implicit tag of ephone-dn lines (CME numbers them from 20001). */
    public static final int EPHONE_DN_TAG_BASE = 20000;
    /** First implicit tag of voice register dn lines (CME numbers them from 40001). */
    public static final int REGISTER_DN_TAG_BASE = 40000;

    private EndpointDirectory() {
    }

    /** Voice-ports, ephone lines and SIP pool lines, in that order. */
    public static List<Endpoint> endpoints(GatewayConfig c) {
        List<Endpoint> out = new ArrayList<>();
        for (VoicePort p : c.voicePorts()) {
            out.add(new Endpoint(p.id(), p.stationNumber().orElse(""), p.stationName().orElse(""),
                    p.lpcor().incoming(), p.lpcor().outgoing()));
        }
        for (Ephone e : c.ephones()) {
            for (Button b : e.buttons()) {
                for (int dnTag : b.dns()) {
                    Optional<EphoneDn> dn = c.ephoneDn(dnTag);
                    if (dn.isPresent() && dn.get().number().isPresent()) {
                        out.add(new Endpoint("ephone " + e.tag(), dn.get().number().get(),
                                dn.get().name().or(() -> dn.get().label()).orElse(""),
                                e.lpcor().incoming(), e.lpcor().outgoing()));
                    }
                }
            }
        }
        for (VoiceRegisterPool pool : c.voiceRegister().pools()) {
            for (PoolNumber n : pool.numbers()) {
                c.voiceRegister().dns().stream().filter(d -> d.tag() == n.dn()).findFirst()
                        .filter(d -> d.number().isPresent())
                        .ifPresent(d -> out.add(new Endpoint("voice register pool " + pool.tag(), d.number().get(),
                                d.name().or(d::label).orElse(""), pool.lpcor().incoming(), pool.lpcor().outgoing())));
            }
        }
        return out;
    }

    /** The endpoint that owns {@code number}. */
    public static Optional<Endpoint> byNumber(GatewayConfig c, String number) {
        return endpoints(c).stream().filter(e -> e.number().equals(number)).findFirst();
    }

    /** The endpoint named {@code name} ({@code 0/1/0}, {@code ephone 102}, {@code voice register pool 1}). */
    public static Optional<Endpoint> byName(GatewayConfig c, String name) {
        return endpoints(c).stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The implicit dial-peers of phone lines: one per ephone-dn number (tag 20001..) and per
     * voice register dn number (tag 40001..), pattern = the number, with the owning endpoint's
     * LPCOR groups. A dn on no ephone/pool has no peer.
     */
    public static List<DialPeer> lineDialPeers(GatewayConfig c) {
        List<DialPeer> out = new ArrayList<>();
        int i = 0;
        for (EphoneDn dn : c.ephoneDns()) {
            i++;
            Optional<Ephone> owner = c.ephones().stream()
                    .filter(e -> e.buttons().stream().anyMatch(b -> b.dns().contains(dn.tag()))).findFirst();
            if (dn.number().isEmpty() || owner.isEmpty()
                    || !(DestinationPattern.compile(dn.number().get()) instanceof DestinationPattern.Compiled p)) {
                continue;
            }
            out.add(new DialPeer(EPHONE_DN_TAG_BASE + i, p.pattern(),
                    new DialPeerTarget.Line(dn.number().get(), "ephone " + owner.get().tag()), 0, false,
                    owner.get().lpcor().incoming(), owner.get().lpcor().outgoing()));
        }
        i = 0;
        for (VoiceRegisterDn dn : c.voiceRegister().dns()) {
            i++;
            Optional<VoiceRegisterPool> owner = c.voiceRegister().pools().stream()
                    .filter(pl -> pl.numbers().stream().anyMatch(n -> n.dn() == dn.tag())).findFirst();
            if (dn.number().isEmpty() || owner.isEmpty()
                    || !(DestinationPattern.compile(dn.number().get()) instanceof DestinationPattern.Compiled p)) {
                continue;
            }
            out.add(new DialPeer(REGISTER_DN_TAG_BASE + i, p.pattern(),
                    new DialPeerTarget.Line(dn.number().get(), "voice register pool " + owner.get().tag()), 0, false,
                    owner.get().lpcor().incoming(), owner.get().lpcor().outgoing()));
        }
        return out;
    }

    /**
     * The {@code lpcor incoming} group of a call arriving over a trunk, from its inbound dial-peer
     * chosen as IOS does: first a peer whose {@code incoming called-number} matches the called
     * number, then one whose {@code answer-address} matches the calling number, then one whose
     * {@code destination-pattern} matches the calling number; lowest tag first within each rule.
     * {@code voip} selects SIP-side (voip) or PSTN-side (pots) peers.
     */
    public static Optional<String> inboundGroup(GatewayConfig c, boolean voip, String called, String calling) {
        List<org.tollgate.config.voice.DialPeer> peers = c.dialPeers().stream().filter(d -> d.voip() == voip).toList();
        for (int rule = 0; rule < 3; rule++) {
            for (org.tollgate.config.voice.DialPeer d : peers) {
                Optional<String> pattern = switch (rule) {
                    case 0 -> d.incomingCalledNumber();
                    case 1 -> d.answerAddress();
                    default -> d.destinationPattern();
                };
                String number = rule == 0 ? called : calling;
                if (pattern.isPresent() && DestinationPattern.compile(pattern.get()) instanceof DestinationPattern.Compiled p
                        && p.pattern().matchesComplete(number)) {
                    return d.lpcor().incoming();
                }
            }
        }
        return Optional.empty();
    }
}
