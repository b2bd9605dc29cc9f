package org.tollgate.callcontrol.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tollgate.callcontrol.analog.VoicePortConfig;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.lpcor.LpcorAccess;
import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.routing.DestinationPattern;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPeerTarget;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.feature.FeatureSettings;
import org.tollgate.callcontrol.feature.forward.ForwardKind;
import org.tollgate.callcontrol.feature.forward.ForwardTable;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cme.CallForward;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.VoiceRegisterDn;
import org.tollgate.config.lpcor.Lpcor;
import org.tollgate.config.lpcor.PolicyRule;
import org.tollgate.config.voice.SessionTarget;
import org.tollgate.config.voice.VoicePort;

/**
 * The one place where call control reads the configuration tree: builds its own records
 * ({@link CallSettings}, {@link VoicePortConfig}) from {@link GatewayConfig}.
 *
 * <p>Choices: a dial-peer without {@code destination-pattern}, or with one that does not compile,
 * is left out of routing with a warning (it may still serve as an inbound peer); a pots peer
 * without {@code port} likewise. The inter-digit timeout is {@code telephony-service}'s
 * {@code timeouts interdigit} if set, else the global one, else 10 s; a voice-port's own
 * {@code timeouts interdigit} overrides both for calls from that port. Phone lines
 * ({@code ephone-dn}, {@code voice register dn}) get implicit dial-peers
 * ({@link EndpointDirectory#lineDialPeers}).
 */
public final class GatewayConfigAdapter {
    private GatewayConfigAdapter() {
    }

    /** What was built, and what was left out and why. */
    public record Adapted(CallSettings settings, List<VoicePortConfig> voicePorts, List<String> warnings) {
        public Adapted {
            voicePorts = List.copyOf(voicePorts);
            warnings = List.copyOf(warnings);
        }
    }

    public static Adapted adapt(GatewayConfig config) {
        List<String> warnings = new ArrayList<>();
        List<VoicePortConfig> ports = voicePorts(config);
        Map<String, String> portGroups = new LinkedHashMap<>();
        ports.forEach(p -> p.lpcorOutgoing().ifPresent(g -> portGroups.put(p.id(), g)));
        CallSettings settings = new CallSettings(dialPlan(config, warnings), lpcor(config.lpcor()), portGroups,
                interdigit(config), CallSettings.DEFAULT_RING_NO_ANSWER, CallSettings.DEFAULT_HUNT_STOP_CAUSES,
                features(config));
        return new Adapted(settings, ports, warnings);
    }

    /**
     * The call-feature slice: {@code call-forward} and {@code pickup-group} of every ephone-dn and
     * voice register dn with a number, {@code park-slot} and {@code conference meetme} ephone-dns,
     * {@code transfer-system} of {@code telephony-service}, {@code voice hunt-group N parallel} groups with
     * a pilot (other hunt-group kinds are not built).
     * A park slot's recall time is {@code timeout} × {@code limit} (tollgate plays no reminders).
     */
    public static FeatureSettings features(GatewayConfig config) {
        ForwardTable forwards = ForwardTable.EMPTY;
        Map<String, String> pickup = new LinkedHashMap<>();
        List<FeatureSettings.ParkSlot> parks = new ArrayList<>();
        java.util.Set<String> meetMe = new java.util.LinkedHashSet<>();
        List<FeatureSettings.SingleNumberReach> snrs = new ArrayList<>();
        Map<String, String> intercoms = new LinkedHashMap<>();
        for (EphoneDn dn : config.ephoneDns()) {
            if (dn.number().isEmpty()) {
                continue;
            }
            String n = dn.number().get();
            forwards = withForwards(forwards, n, dn.callForwards());
            dn.pickupGroup().ifPresent(g -> pickup.put(n, g));
            dn.parkSlot().ifPresent(p -> parks.add(new FeatureSettings.ParkSlot(n,
                    p.timeoutSeconds().isPresent()
                            ? Optional.of(Duration.ofSeconds((long) p.timeoutSeconds().getAsInt()
                                    * p.limit().orElse(1)))
                            : Optional.empty(),
                    p.recall(), p.transfer())));
            if (dn.conference().filter("meetme"::equals).isPresent()) {
                meetMe.add(n);
            }
            dn.snr().ifPresent(x -> snrs.add(singleNumberReach(n, x)));
            dn.intercom().ifPresent(x -> intercoms.put(n, x));
        }
        for (VoiceRegisterDn dn : config.voiceRegister().dns()) {
            if (dn.number().isPresent()) {
                forwards = withForwards(forwards, dn.number().get(), dn.callForwards());
                dn.pickupGroup().ifPresent(g -> pickup.put(dn.number().get(), g));
                dn.snr().ifPresent(x -> snrs.add(singleNumberReach(dn.number().get(), x)));
            }
        }
        List<FeatureSettings.ParallelHunt> hunts = config.huntGroups().stream()
                .filter(h -> h.kind().equals("parallel") && h.pilot().isPresent())
                .map(h -> new FeatureSettings.ParallelHunt(h.pilot().get(), h.members(),
                        h.timeoutSeconds().isPresent() ? Duration.ofSeconds(h.timeoutSeconds().getAsInt())
                                : FeatureSettings.ParallelHunt.DEFAULT_TIMEOUT, h.finalNumber()))
                .toList();
        return FeatureSettings.NONE.withForwards(forwards).withPickupGroups(pickup).withParkSlots(parks)
                .withMeetMe(meetMe).withParallelHunts(hunts).withFlashConsult(flashConsult(config))
                .withSingleNumberReach(snrs).withIntercoms(intercoms);
    }

    private static FeatureSettings.SingleNumberReach singleNumberReach(String number, org.tollgate.config.cme.Snr s) {
        return new FeatureSettings.SingleNumberReach(number, s.number(), Duration.ofSeconds(s.delaySeconds()),
                Duration.ofSeconds(s.timeoutSeconds()));
    }

    /**
     * {@code telephony-service} {@code transfer-system full-blind} or {@code blind} makes a number
     * dialled after a hook flash a blind transfer; anything else (CME's default {@code full-consult},
     * {@code local-consult}) a consult call.
     */
    static boolean flashConsult(GatewayConfig config) {
        return config.telephonyService().map(t -> t.kept().stream()
                .noneMatch(k -> k.equals("transfer-system full-blind") || k.equals("transfer-system blind")))
                .orElse(true);
    }

    private static ForwardTable withForwards(ForwardTable t, String number, List<CallForward> forwards) {
        for (CallForward f : forwards) {
            Duration timeout = f.timeoutSeconds().isPresent() ? Duration.ofSeconds(f.timeoutSeconds().getAsInt())
                    : ForwardTable.DEFAULT_NO_ANSWER_TIMEOUT;
            t = t.with(number, ForwardKind.ofKeyword(f.kind()), new ForwardTable.Target(f.number(), timeout));
        }
        return t;
    }

    /** The LPCOR slice. */
    public static LpcorTable lpcor(Lpcor l) {
        List<LpcorGroup> groups = l.groups().stream().map(g -> new LpcorGroup(g.number(), g.name())).toList();
        Map<String, LpcorPolicy> policies = new LinkedHashMap<>();
        for (org.tollgate.config.lpcor.LpcorPolicy p : l.policies()) {
            LpcorPolicy mine = LpcorPolicy.of(p.name()).withServiceFac(p.serviceFac());
            for (PolicyRule r : p.rules()) {
                mine = mine.with(r.sourceGroup(), switch (r.verdict()) {
                    case ACCEPT -> LpcorAccess.ACCEPT;
                    case ACCEPT_FAC -> LpcorAccess.ACCEPT_FAC;
                    case REJECT -> LpcorAccess.REJECT;
                });
            }
            policies.put(p.name(), mine);
        }
        return new LpcorTable(l.enabled(), groups, policies, Q850Cause.of(l.callBlockCause()));
    }

    /** The outbound dial plan; left-out peers are explained in {@code warnings}. */
    public static DialPlan dialPlan(GatewayConfig config, List<String> warnings) {
        List<DialPeer> peers = new ArrayList<>();
        for (org.tollgate.config.voice.DialPeer d : config.dialPeers()) {
            if (d.destinationPattern().isEmpty()) {
                continue;
            }
            DestinationPattern pattern;
            switch (DestinationPattern.compile(d.destinationPattern().get())) {
                case DestinationPattern.Compiled c -> pattern = c.pattern();
                case DestinationPattern.Invalid i -> {
                    warnings.add("dial-peer voice " + d.tag() + ": destination-pattern " + d.destinationPattern().get()
                            + ": " + i.message() + " (column " + i.column() + "); not used for routing");
                    continue;
                }
            }
            DialPeerTarget target;
            if (d.voip()) {
                target = new DialPeerTarget.Voip(d.sessionTarget().map(SessionTarget::text).orElse(""));
            } else if (d.port().isPresent()) {
                target = new DialPeerTarget.Pots(d.port().get());
            } else {
                warnings.add("dial-peer voice " + d.tag() + " pots has no port; not used for routing");
                continue;
            }
            peers.add(new DialPeer(d.tag(), pattern, target, d.preference(), d.huntstop(), d.lpcor().incoming(),
                    d.lpcor().outgoing()));
        }
        peers.addAll(EndpointDirectory.lineDialPeers(config));
        return new DialPlan(peers);
    }

    /** The FXS voice-ports. */
    public static List<VoicePortConfig> voicePorts(GatewayConfig config) {
        return config.voicePorts().stream().map(GatewayConfigAdapter::voicePort).toList();
    }

    private static VoicePortConfig voicePort(VoicePort p) {
        Optional<Duration> interdigit = p.interdigitSeconds().isPresent()
                ? Optional.of(Duration.ofSeconds(p.interdigitSeconds().getAsInt())) : Optional.empty();
        return new VoicePortConfig(p.id(), p.stationName().orElse(""), p.stationNumber().orElse(""), p.callerId(),
                p.lpcor().incoming(), p.lpcor().outgoing(), interdigit, p.shutdown(), p.device());
    }

    /** The effective inter-digit timeout (see the class comment). */
    public static Duration interdigit(GatewayConfig config) {
        if (config.telephonyService().isPresent() && config.telephonyService().get().interdigitSeconds().isPresent()) {
            return Duration.ofSeconds(config.telephonyService().get().interdigitSeconds().getAsInt());
        }
        return Duration.ofSeconds(config.timeouts().interdigit());
    }
}
