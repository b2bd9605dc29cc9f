package org.tollgate.gateway.sip.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cme.Ephone;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.PoolNumber;
import org.tollgate.config.cme.VoiceRegisterDn;
import org.tollgate.config.cme.VoiceRegisterGlobal;
import org.tollgate.config.cme.VoiceRegisterPool;
import org.tollgate.config.lpcor.LpcorMembership;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.DtmfRelay;
import org.tollgate.callcontrol.routing.DestinationPattern;
import org.tollgate.gateway.sip.SipServerSettings;
import org.tollgate.gateway.sip.registrar.SipUser;
import org.tollgate.gateway.sip.registrar.SipUserDirectory;

/**
 * The SIP edge's slice of {@link GatewayConfig}: which numbers may register, with which
 * credentials and LPCOR groups, and where to listen.
 *
 * <ul>
 *   <li>{@code voice register dn T} with {@code number N}: user N; credentials ({@code username U
 *       password P}) and LPCOR of the lowest-tag {@code voice register pool} whose {@code number I dn T}
 *       names it.</li>
 *   <li>{@code ephone-dn T} with {@code number N}: user N (an ephone-dn number is a SIP user too); LPCOR
 *       of the lowest-tag {@code ephone} with a {@code button} on dn T (issue 5: ephone-dn 102 number
 *       786786 on ephone 102 takes that ephone's lpcor). No digest credentials: the ephone's
 *       {@code username} is a phone login, not a SIP secret.</li>
 *   <li>A number defined twice keeps its first definition ({@code voice register dn} before
 *       {@code ephone-dn}).</li>
 *   <li>{@code voice register global}: {@code authenticate register}, {@code source-address}
 *       (default {@code 0.0.0.0}) and its port (default 5060; {@code --sip-port} overrides).</li>
 * </ul>
 */
public final class SipConfiguration {
    /** The SIP port when neither the configuration nor the command line names one. */
    public static final int DEFAULT_PORT = 5060;

    private SipConfiguration() {
    }

    /** The SIP users of a configuration. */
    public static List<SipUser> users(GatewayConfig config) {
        Map<String, SipUser> byNumber = new LinkedHashMap<>();
        for (VoiceRegisterDn dn : config.voiceRegister().dns()) {
            if (dn.number().isEmpty()) {
                continue;
            }
            Optional<VoiceRegisterPool> pool = config.voiceRegister().pools().stream()
                    .filter(p -> p.numbers().stream().map(PoolNumber::dn).anyMatch(t -> t == dn.tag())).findFirst();
            Optional<SipUser.Credentials> creds = pool.flatMap(p -> p.username().flatMap(u -> p.password()
                    .map(pw -> new SipUser.Credentials(u, pw.reveal()))));
            LpcorMembership lpcor = pool.map(VoiceRegisterPool::lpcor).orElse(LpcorMembership.NONE);
            String origin = "voice register dn " + dn.tag() + pool.map(p -> " (pool " + p.tag() + ")").orElse("");
            byNumber.putIfAbsent(dn.number().get(), new SipUser(dn.number().get(), creds, lpcor.incoming(),
                    lpcor.outgoing(), origin));
        }
        for (EphoneDn dn : config.ephoneDns()) {
            if (dn.number().isEmpty()) {
                continue;
            }
            Optional<Ephone> phone = config.ephones().stream()
                    .filter(e -> e.buttons().stream().anyMatch(b -> b.dns().contains(dn.tag()))).findFirst();
            LpcorMembership lpcor = phone.map(Ephone::lpcor).orElse(LpcorMembership.NONE);
            String origin = "ephone-dn " + dn.tag() + phone.map(e -> " (ephone " + e.tag() + ")").orElse("");
            byNumber.putIfAbsent(dn.number().get(), new SipUser(dn.number().get(), Optional.empty(), lpcor.incoming(),
                    lpcor.outgoing(), origin));
        }
        return new ArrayList<>(byNumber.values());
    }

    /** The user directory of a configuration, with {@code authenticate register} applied. */
    public static SipUserDirectory directory(GatewayConfig config) {
        boolean authenticate = config.voiceRegister().global().map(VoiceRegisterGlobal::authenticateRegister)
                .orElse(false);
        return SipUserDirectory.of(users(config), authenticate);
    }

    /**
     * Listening address and port with the default limits.
     *
     * @param sipPortOverride {@code --sip-port}, if given
     */
    public static SipServerSettings settings(GatewayConfig config, OptionalInt sipPortOverride) {
        return settings(config, Optional.empty(), sipPortOverride);
    }

    /**
     * Listening address and port with the default limits: {@code --sip-address} / {@code --sip-port}
     * when given, else {@code voice register global source-address A [port P]}, else 0.0.0.0:5060. The
     * one address is used for the UDP and the TCP listening point (and the RTP engine).
     *
     * @param sipAddressOverride {@code --sip-address}, if given
     * @param sipPortOverride {@code --sip-port}, if given
     */
    public static SipServerSettings settings(GatewayConfig config, Optional<String> sipAddressOverride,
                                             OptionalInt sipPortOverride) {
        Optional<VoiceRegisterGlobal> global = config.voiceRegister().global();
        String address = sipAddressOverride.filter(a -> !a.isBlank())
                .or(() -> global.flatMap(VoiceRegisterGlobal::sourceAddress)).orElse("0.0.0.0");
        int port = sipPortOverride.isPresent() ? sipPortOverride.getAsInt()
                : global.map(g -> g.sourcePort().orElse(DEFAULT_PORT)).orElse(DEFAULT_PORT);
        return SipServerSettings.defaults(address, port);
    }

    /**
     * The {@code voice register pool} of the SIP phone that owns {@code number}: the pool whose
     * {@code number I dn T} names the {@code voice register dn} with that number.
     */
    public static Optional<VoiceRegisterPool> phonePool(GatewayConfig config, String number) {
        return config.voiceRegister().dns().stream()
                .filter(dn -> dn.number().filter(number::equals).isPresent())
                .flatMap(dn -> config.voiceRegister().pools().stream()
                        .filter(p -> p.numbers().stream().anyMatch(n -> n.dn() == dn.tag())))
                .findFirst();
    }

    /**
     * The {@code dtmf-relay} list of the SIP phone that owns {@code number} ({@link #phonePool}). Empty
     * when the number is no pool phone's or the pool has no {@code dtmf-relay} (ephones are SCCP: no list).
     */
    public static List<DtmfRelay> phoneDtmfRelay(GatewayConfig config, String number) {
        return phonePool(config, number).map(VoiceRegisterPool::dtmfRelay).orElse(List.of());
    }

    /** {@code voice register pool tag}. */
    public static Optional<VoiceRegisterPool> pool(GatewayConfig config, int tag) {
        return config.voiceRegister().pools().stream().filter(p -> p.tag() == tag).findFirst();
    }

    /** The {@code dtmf-relay} list of {@code voice register pool tag} (empty when absent). */
    public static List<DtmfRelay> poolDtmfRelay(GatewayConfig config, int tag) {
        return pool(config, tag).map(VoiceRegisterPool::dtmfRelay).orElse(List.of());
    }

    /** {@code dial-peer voice tag}. */
    public static Optional<DialPeer> dialPeer(GatewayConfig config, int tag) {
        return config.dialPeers().stream().filter(d -> d.tag() == tag).findFirst();
    }

    /** The {@code dtmf-relay} list of {@code dial-peer voice tag} (empty when absent or none configured). */
    public static List<DtmfRelay> dialPeerDtmfRelay(GatewayConfig config, int tag) {
        return dialPeer(config, tag).map(DialPeer::dtmfRelay).orElse(List.of());
    }

    /** What configures an incoming SIP call's leg: the calling phone's pool, or the inbound voip dial-peer. */
    public sealed interface InboundSource {
        /** A configured phone line: its pool (empty for an ephone line, which has no such settings). */
        record Phone(Optional<VoiceRegisterPool> pool) implements InboundSource {
        }

        /** A trunk call: the inbound voip dial-peer, if one matches. */
        record Trunk(Optional<DialPeer> peer) implements InboundSource {
        }

        /** The leg's {@code dtmf-relay}. */
        default List<DtmfRelay> dtmfRelay() {
            return switch (this) {
                case Phone p -> p.pool().map(VoiceRegisterPool::dtmfRelay).orElse(List.of());
                case Trunk t -> t.peer().map(DialPeer::dtmfRelay).orElse(List.of());
            };
        }

        /** The leg's {@code codec}, if configured. */
        default Optional<org.tollgate.config.voice.Codec> codec() {
            return switch (this) {
                case Phone p -> p.pool().flatMap(VoiceRegisterPool::codec);
                case Trunk t -> t.peer().flatMap(DialPeer::codec);
            };
        }
    }

    /**
     * Where a SIP call arriving from {@code calling} for {@code called} takes its leg settings from:
     * a configured phone line (its pool, if a {@code voice register pool}), else the inbound voip
     * dial-peer chosen as IOS does (first {@code incoming called-number} matching the called number,
     * then {@code answer-address}, then {@code destination-pattern} matching the calling number;
     * lowest tag first within a rule, as {@code EndpointDirectory.inboundGroup}).
     */
    public static InboundSource inboundSource(GatewayConfig config, String calling, String called) {
        if (org.tollgate.callcontrol.adapter.EndpointDirectory.byNumber(config, calling).isPresent()) {
            return new InboundSource.Phone(phonePool(config, calling));
        }
        List<DialPeer> peers = config.dialPeers().stream().filter(DialPeer::voip).toList();
        for (int rule = 0; rule < 3; rule++) {
            for (DialPeer d : peers) {
                Optional<String> pattern = switch (rule) {
                    case 0 -> d.incomingCalledNumber();
                    case 1 -> d.answerAddress();
                    default -> d.destinationPattern();
                };
                String number = rule == 0 ? called : calling;
                if (pattern.isPresent() && DestinationPattern.compile(pattern.get()) instanceof DestinationPattern.Compiled p
                        && p.pattern().matchesComplete(number)) {
                    return new InboundSource.Trunk(Optional.of(d));
                }
            }
        }
        return new InboundSource.Trunk(Optional.empty());
    }

    /** The {@code dtmf-relay} list that applies to a SIP call from {@code calling} for {@code called} ({@link #inboundSource}). */
    public static List<DtmfRelay> inboundDtmfRelay(GatewayConfig config, String calling, String called) {
        return inboundSource(config, calling, called).dtmfRelay();
    }
}
