package org.tollgate.config.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.aaa.RadiusGroup;
import org.tollgate.config.aaa.RadiusServer;
import org.tollgate.config.accounting.FileAccounting;
import org.tollgate.config.app.Application;
import org.tollgate.config.app.AuthPackage;
import org.tollgate.config.cme.Ephone;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.HuntGroup;
import org.tollgate.config.cme.TelephonyService;
import org.tollgate.config.cme.VoiceRegisterDn;
import org.tollgate.config.cme.VoiceRegisterGlobal;
import org.tollgate.config.cme.VoiceRegisterPool;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.lpcor.Lpcor;
import org.tollgate.config.lpcor.LpcorPolicy;
import org.tollgate.config.system.PassthroughCommand;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.SipUa;
import org.tollgate.config.voice.VoicePort;
import org.tollgate.config.voice.VoiceServiceVoip;

/**
 * Every configuration mode, with the prompt suffix IOS shows ({@code Router(config-dial-peer)#}).
 * The command handlers are registered by the {@code *Commands} classes.
 */
final class Modes {
    private Modes() {
    }

    static final ModeDef<GatewayConfig.Builder> GLOBAL =
            new ModeDef<>("config", (c, k) -> c.toBuilder(), (c, k, b) -> b.build());

    static final ModeDef<VoicePort.Builder> VOICE_PORT = keyed("config-voiceport", GatewayConfig::voicePorts,
            (p, k) -> p.id().equals(k), VoicePort::toBuilder, VoicePort.Builder::build, GatewayConfig.Builder::voicePorts);

    static final ModeDef<DialPeer.Builder> DIAL_PEER = keyed("config-dial-peer", GatewayConfig::dialPeers,
            (d, k) -> Integer.toString(d.tag()).equals(k), DialPeer::toBuilder, DialPeer.Builder::build,
            GatewayConfig.Builder::dialPeers);

    static final ModeDef<EphoneDn> EPHONE_DN = keyed("config-ephone-dn", GatewayConfig::ephoneDns,
            (d, k) -> Integer.toString(d.tag()).equals(k), Function.identity(), Function.identity(),
            GatewayConfig.Builder::ephoneDns);

    static final ModeDef<Ephone.Builder> EPHONE = keyed("config-ephone", GatewayConfig::ephones,
            (e, k) -> Integer.toString(e.tag()).equals(k), Ephone::toBuilder, Ephone.Builder::build,
            GatewayConfig.Builder::ephones);

    static final ModeDef<HuntGroup> HUNT_GROUP = keyed("config-voice-hunt-group", GatewayConfig::huntGroups,
            (h, k) -> Integer.toString(h.tag()).equals(k), Function.identity(), Function.identity(),
            GatewayConfig.Builder::huntGroups);

    static final ModeDef<VoiceRegisterGlobal> REGISTER_GLOBAL = new ModeDef<>("config-register-global",
            (c, k) -> c.voiceRegister().global().orElse(VoiceRegisterGlobal.DEFAULT),
            (c, k, g) -> c.toBuilder().voiceRegister(c.voiceRegister().withGlobal(Optional.of(g))).build());

    static final ModeDef<VoiceRegisterDn> REGISTER_DN = new ModeDef<>("config-register-dn",
            (c, k) -> c.voiceRegister().dn(Integer.parseInt(k)).orElseThrow(),
            (c, k, d) -> c.toBuilder().voiceRegister(c.voiceRegister().withDns(
                    Lists.upsert(c.voiceRegister().dns(), x -> x.tag() == d.tag(), d))).build());

    static final ModeDef<VoiceRegisterPool.Builder> REGISTER_POOL = new ModeDef<>("config-register-pool",
            (c, k) -> c.voiceRegister().pool(Integer.parseInt(k)).orElseThrow().toBuilder(),
            (c, k, b) -> {
                VoiceRegisterPool p = b.build();
                return c.toBuilder().voiceRegister(c.voiceRegister().withPools(
                        Lists.upsert(c.voiceRegister().pools(), x -> x.tag() == p.tag(), p))).build();
            });

    static final ModeDef<TelephonyService> TELEPHONY = new ModeDef<>("config-telephony",
            (c, k) -> c.telephonyService().orElse(TelephonyService.DEFAULT),
            (c, k, t) -> c.toBuilder().telephonyService(Optional.of(t)).build());

    static final ModeDef<SipUa> SIP_UA = new ModeDef<>("config-sip-ua",
            (c, k) -> c.sipUa().orElse(new SipUa(List.of())),
            (c, k, t) -> c.toBuilder().sipUa(Optional.of(t)).build());

    static final ModeDef<VoiceServiceVoip> VOICE_SERVICE = new ModeDef<>("conf-voi-serv",
            (c, k) -> c.voiceServiceVoip().orElse(VoiceServiceVoip.EMPTY),
            (c, k, t) -> c.toBuilder().voiceServiceVoip(Optional.of(t)).build());

    static final ModeDef<VoiceServiceVoip> VOICE_SERVICE_SIP = new ModeDef<>("conf-serv-sip",
            (c, k) -> c.voiceServiceVoip().orElse(VoiceServiceVoip.EMPTY),
            (c, k, t) -> c.toBuilder().voiceServiceVoip(Optional.of(t)).build());

    static final ModeDef<Lpcor> LPCOR_CUSTOM = new ModeDef<>("config-lpcor-custom",
            (c, k) -> c.lpcor(), (c, k, l) -> c.toBuilder().lpcor(l).build());

    static final ModeDef<LpcorPolicy> LPCOR_POLICY = new ModeDef<>("config-lpcor-policy",
            (c, k) -> c.lpcor().policy(k).orElseThrow(),
            (c, k, p) -> c.toBuilder().lpcor(c.lpcor().withPolicies(
                    Lists.upsert(c.lpcor().policies(), x -> x.name().equals(k), p))).build());

    static final ModeDef<Application> APPLICATION = new ModeDef<>("config-app",
            (c, k) -> c.application(), (c, k, a) -> c.toBuilder().application(a).build());

    static final ModeDef<AuthPackage> APP_AUTH = new ModeDef<>("config-app-auth",
            (c, k) -> c.application().authPackage(),
            (c, k, p) -> c.toBuilder().application(c.application().withAuthPackage(p)).build());

    static final ModeDef<RadiusGroup> AAA_GROUP = new ModeDef<>("config-sg-radius",
            (c, k) -> c.aaa().serverGroup(k).orElseThrow(),
            (c, k, g) -> c.toBuilder().aaa(c.aaa().withServerGroups(
                    Lists.upsert(c.aaa().serverGroups(), x -> x.name().equals(k), g))).build());

    static final ModeDef<RadiusServer> RADIUS_SERVER = new ModeDef<>("config-radius-server",
            (c, k) -> c.radius().server(k).orElseThrow(),
            (c, k, s) -> c.toBuilder().radius(c.radius().withServers(
                    Lists.upsert(c.radius().servers(), x -> x.name().equals(k), s))).build());

    static final ModeDef<FileAccounting> GW_ACCOUNTING_FILE = new ModeDef<>("config-gw-accounting-file",
            (c, k) -> c.accounting().file().orElse(FileAccounting.DEFAULT),
            (c, k, f) -> c.toBuilder().accounting(c.accounting().withFile(Optional.of(f))).build());

    static final ModeDef<LineConfig.Builder> LINE = keyed("config-line", GatewayConfig::lines,
            (l, k) -> LineCommands.key(l).equals(k), LineConfig::toBuilder, LineConfig.Builder::build,
            GatewayConfig.Builder::lines);

    static final ModeDef<PassthroughCommand> INTERFACE = keyed("config-if", GatewayConfig::passthrough,
            (p, k) -> p.line().equals(k), Function.identity(), Function.identity(), GatewayConfig.Builder::passthrough);

    static final ModeDef<PassthroughCommand> VOICE_CARD = keyed("config-voicecard", GatewayConfig::passthrough,
            (p, k) -> p.line().equals(k), Function.identity(), Function.identity(), GatewayConfig.Builder::passthrough);

    static {
        GlobalCommands.register();
        PassthroughCommands.register();
        AaaCommands.register();
        VoiceCommands.register();
        CmeCommands.register();
        LineCommands.register();
    }

    /** Forces registration (the static initialiser) before the first line is parsed. */
    static void init() {
        Objects.requireNonNull(GLOBAL);
    }

    /** A mode editing one element of a keyed list of the configuration. */
    private static <E, T> ModeDef<T> keyed(String prompt, Function<GatewayConfig, List<E>> list,
                                           BiPredicate<E, String> matches, Function<E, T> toTarget,
                                           Function<T, E> fromTarget,
                                           BiFunction<GatewayConfig.Builder, List<E>, GatewayConfig.Builder> set) {
        return new ModeDef<>(prompt,
                (c, k) -> toTarget.apply(list.apply(c).stream().filter(e -> matches.test(e, k)).findFirst()
                        .orElseThrow()),
                (c, k, t) -> {
                    E e = fromTarget.apply(t);
                    return set.apply(c.toBuilder(), Lists.upsert(list.apply(c), x -> matches.test(x, k), e)).build();
                });
    }
}
