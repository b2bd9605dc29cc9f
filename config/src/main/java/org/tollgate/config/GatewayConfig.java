package org.tollgate.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tollgate.config.aaa.Aaa;
import org.tollgate.config.aaa.Radius;
import org.tollgate.config.accounting.GwAccounting;
import org.tollgate.config.app.Application;
import org.tollgate.config.app.AuthPackage;
import org.tollgate.config.cme.Ephone;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.HuntGroup;
import org.tollgate.config.cme.TelephonyService;
import org.tollgate.config.cme.VoiceRegister;
import org.tollgate.config.line.ChatScript;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.line.LineKind;
import org.tollgate.config.lpcor.Lpcor;
import org.tollgate.config.lpcor.LpcorGroup;
import org.tollgate.config.secret.HashedSecret;
import org.tollgate.config.system.DialControlMib;
import org.tollgate.config.system.Logging;
import org.tollgate.config.system.PassthroughCommand;
import org.tollgate.config.system.Services;
import org.tollgate.config.system.Timeouts;
import org.tollgate.config.user.User;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.SipUa;
import org.tollgate.config.voice.VoicePort;
import org.tollgate.config.voice.VoiceServiceVoip;

/**
 * The whole gateway configuration: an immutable, validated record tree produced by
 * {@link ConfigParser} / {@link ConfigSession} and printed by {@link ConfigPrinter}. Components receive
 * the slice they need; a configuration change swaps the whole snapshot.
 *
 * <p>Lists are immutable and canonically ordered (the compact constructor sorts the keyed ones:
 * voice-ports by id, dial-peers, ephone-dns and ephones by tag, lines by kind and number; passthrough
 * commands by section, keeping order within a section). Users, chat-scripts and LPCOR policies keep
 * configuration order, as IOS does.
 *
 * @param hostname {@code hostname NAME}, default {@code Router}
 * @param services {@code service password-encryption}, {@code service exec-callback}
 * @param enableSecret {@code enable secret}: always a hash (clear text entered as type 0 is hashed, type 9)
 * @param users {@code username} entries, configuration order, unique names
 * @param aaa {@code aaa ...}
 * @param radius {@code radius server ...} and {@code radius-server ...}
 * @param accounting {@code gw-accounting ...}
 * @param logging {@code logging host}, {@code logging trap}
 * @param dialControlMib {@code dial-control-mib ...}
 * @param timeouts global {@code timeouts interdigit}
 * @param lpcor {@code voice lpcor ...}
 * @param application {@code application} (auth package, services)
 * @param voicePorts {@code voice-port} blocks
 * @param dialPeers {@code dial-peer voice} blocks
 * @param ephoneDns {@code ephone-dn} blocks
 * @param ephones {@code ephone} blocks
 * @param voiceRegister {@code voice register global|dn|pool}
 * @param huntGroups {@code voice hunt-group} blocks, by tag
 * @param telephonyService {@code telephony-service}, when configured
 * @param sipUa {@code sip-ua}, when configured (kept)
 * @param voiceServiceVoip {@code voice service voip}, when configured (kept)
 * @param chatScripts {@code chat-script} entries, configuration order, unique names
 * @param lines {@code line ...} blocks
 * @param passthrough accepted-and-kept commands without effect
 */
public record GatewayConfig(String hostname, Services services, Optional<HashedSecret> enableSecret, List<User> users,
                            Aaa aaa, Radius radius, GwAccounting accounting, Logging logging,
                            DialControlMib dialControlMib, Timeouts timeouts, Lpcor lpcor, Application application,
                            List<VoicePort> voicePorts, List<DialPeer> dialPeers, List<EphoneDn> ephoneDns,
                            List<Ephone> ephones, VoiceRegister voiceRegister, List<HuntGroup> huntGroups,
                            Optional<TelephonyService> telephonyService, Optional<SipUa> sipUa,
                            Optional<VoiceServiceVoip> voiceServiceVoip, List<ChatScript> chatScripts,
                            List<LineConfig> lines, List<PassthroughCommand> passthrough) {

    /** The IOS default host name. */
    public static final String DEFAULT_HOSTNAME = "Router";

    private static final GatewayConfig EMPTY = new GatewayConfig(DEFAULT_HOSTNAME, Services.DEFAULT, Optional.empty(),
            List.of(), Aaa.DEFAULT, Radius.DEFAULT, GwAccounting.DEFAULT, Logging.DEFAULT, DialControlMib.DEFAULT,
            Timeouts.DEFAULT, Lpcor.DEFAULT, Application.DEFAULT, List.of(), List.of(), List.of(), List.of(),
            VoiceRegister.DEFAULT, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
            List.of());

    public GatewayConfig {
        users = List.copyOf(users);
        voicePorts = voicePorts.stream().sorted(Comparator.comparing(VoicePort::id, VoicePort.ID_ORDER)).toList();
        dialPeers = dialPeers.stream().sorted(Comparator.comparingInt(DialPeer::tag)).toList();
        ephoneDns = ephoneDns.stream().sorted(Comparator.comparingInt(EphoneDn::tag)).toList();
        ephones = ephones.stream().sorted(Comparator.comparingInt(Ephone::tag)).toList();
        huntGroups = huntGroups.stream().sorted(Comparator.comparingInt(HuntGroup::tag)).toList();
        chatScripts = List.copyOf(chatScripts);
        lines = lines.stream().sorted(LineConfig.ORDER).toList();
        passthrough = passthrough.stream().sorted(Comparator.comparing(PassthroughCommand::section)).toList();
    }

    /** A configuration with nothing configured (IOS defaults everywhere). */
    public static GatewayConfig empty() {
        return EMPTY;
    }

    /** {@code username NAME}. */
    public Optional<User> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** The LPCOR custom group called {@code name}. */
    public Optional<LpcorGroup> lpcorGroup(String name) {
        return lpcor.group(name);
    }

    /** The auth package parameters (defaults when not configured). */
    public AuthPackage authPackage() {
        return application.authPackage();
    }

    /** {@code voice-port ID}. */
    public Optional<VoicePort> voicePort(String id) {
        return voicePorts.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** {@code dial-peer voice TAG}. */
    public Optional<DialPeer> dialPeer(int tag) {
        return dialPeers.stream().filter(d -> d.tag() == tag).findFirst();
    }

    /** {@code ephone-dn TAG}. */
    public Optional<EphoneDn> ephoneDn(int tag) {
        return ephoneDns.stream().filter(d -> d.tag() == tag).findFirst();
    }

    /** {@code ephone TAG}. */
    public Optional<Ephone> ephone(int tag) {
        return ephones.stream().filter(e -> e.tag() == tag).findFirst();
    }

    /** {@code voice hunt-group TAG}. */
    public Optional<HuntGroup> huntGroup(int tag) {
        return huntGroups.stream().filter(h -> h.tag() == tag).findFirst();
    }

    /** {@code chat-script NAME}. */
    public Optional<ChatScript> chatScript(String name) {
        return chatScripts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The line block covering line {@code number} of {@code kind}. */
    public Optional<LineConfig> line(LineKind kind, int number) {
        return lines.stream().filter(l -> l.covers(kind, number)).findFirst();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy for building a new snapshot. */
    public static final class Builder {
        private String hostname;
        private Services services;
        private Optional<HashedSecret> enableSecret;
        private List<User> users;
        private Aaa aaa;
        private Radius radius;
        private GwAccounting accounting;
        private Logging logging;
        private DialControlMib dialControlMib;
        private Timeouts timeouts;
        private Lpcor lpcor;
        private Application application;
        private List<VoicePort> voicePorts;
        private List<DialPeer> dialPeers;
        private List<EphoneDn> ephoneDns;
        private List<Ephone> ephones;
        private VoiceRegister voiceRegister;
        private List<HuntGroup> huntGroups;
        private Optional<TelephonyService> telephonyService;
        private Optional<SipUa> sipUa;
        private Optional<VoiceServiceVoip> voiceServiceVoip;
        private List<ChatScript> chatScripts;
        private List<LineConfig> lines;
        private List<PassthroughCommand> passthrough;

        Builder(GatewayConfig c) {
            hostname = c.hostname;
            services = c.services;
            enableSecret = c.enableSecret;
            users = c.users;
            aaa = c.aaa;
            radius = c.radius;
            accounting = c.accounting;
            logging = c.logging;
            dialControlMib = c.dialControlMib;
            timeouts = c.timeouts;
            lpcor = c.lpcor;
            application = c.application;
            voicePorts = c.voicePorts;
            dialPeers = c.dialPeers;
            ephoneDns = c.ephoneDns;
            ephones = c.ephones;
            voiceRegister = c.voiceRegister;
            huntGroups = c.huntGroups;
            telephonyService = c.telephonyService;
            sipUa = c.sipUa;
            voiceServiceVoip = c.voiceServiceVoip;
            chatScripts = c.chatScripts;
            lines = c.lines;
            passthrough = c.passthrough;
        }

        public String hostname() { return hostname; }
        public Builder hostname(String v) { hostname = v; return this; }
        public Services services() { return services; }
        public Builder services(Services v) { services = v; return this; }
        public Builder enableSecret(Optional<HashedSecret> v) { enableSecret = v; return this; }
        public List<User> users() { return users; }
        public Builder users(List<User> v) { users = v; return this; }
        public Aaa aaa() { return aaa; }
        public Builder aaa(Aaa v) { aaa = v; return this; }
        public Radius radius() { return radius; }
        public Builder radius(Radius v) { radius = v; return this; }
        public GwAccounting accounting() { return accounting; }
        public Builder accounting(GwAccounting v) { accounting = v; return this; }
        public Logging logging() { return logging; }
        public Builder logging(Logging v) { logging = v; return this; }
        public DialControlMib dialControlMib() { return dialControlMib; }
        public Builder dialControlMib(DialControlMib v) { dialControlMib = v; return this; }
        public Timeouts timeouts() { return timeouts; }
        public Builder timeouts(Timeouts v) { timeouts = v; return this; }
        public Lpcor lpcor() { return lpcor; }
        public Builder lpcor(Lpcor v) { lpcor = v; return this; }
        public Application application() { return application; }
        public Builder application(Application v) { application = v; return this; }
        public List<VoicePort> voicePorts() { return voicePorts; }
        public Builder voicePorts(List<VoicePort> v) { voicePorts = v; return this; }
        public List<DialPeer> dialPeers() { return dialPeers; }
        public Builder dialPeers(List<DialPeer> v) { dialPeers = v; return this; }
        public List<EphoneDn> ephoneDns() { return ephoneDns; }
        public Builder ephoneDns(List<EphoneDn> v) { ephoneDns = v; return this; }
        public List<Ephone> ephones() { return ephones; }
        public Builder ephones(List<Ephone> v) { ephones = v; return this; }
        public VoiceRegister voiceRegister() { return voiceRegister; }
        public Builder voiceRegister(VoiceRegister v) { voiceRegister = v; return this; }
        public List<HuntGroup> huntGroups() { return huntGroups; }
        public Builder huntGroups(List<HuntGroup> v) { huntGroups = v; return this; }
        public Optional<TelephonyService> telephonyService() { return telephonyService; }
        public Builder telephonyService(Optional<TelephonyService> v) { telephonyService = v; return this; }
        public Optional<SipUa> sipUa() { return sipUa; }
        public Builder sipUa(Optional<SipUa> v) { sipUa = v; return this; }
        public Optional<VoiceServiceVoip> voiceServiceVoip() { return voiceServiceVoip; }
        public Builder voiceServiceVoip(Optional<VoiceServiceVoip> v) { voiceServiceVoip = v; return this; }
        public List<ChatScript> chatScripts() { return chatScripts; }
        public Builder chatScripts(List<ChatScript> v) { chatScripts = v; return this; }
        public List<LineConfig> lines() { return lines; }
        public Builder lines(List<LineConfig> v) { lines = v; return this; }
        public List<PassthroughCommand> passthrough() { return passthrough; }
        public Builder passthrough(List<PassthroughCommand> v) { passthrough = v; return this; }

        public GatewayConfig build() {
            return new GatewayConfig(hostname, services, enableSecret, users, aaa, radius, accounting, logging,
                    dialControlMib, timeouts, lpcor, application, voicePorts, dialPeers, ephoneDns, ephones,
                    voiceRegister, huntGroups, telephonyService, sipUa, voiceServiceVoip, chatScripts, lines, passthrough);
        }
    }
}
