package org.tollgate.config.internal;

import java.util.List;
import java.util.Optional;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.aaa.Aaa;
import org.tollgate.config.aaa.AaaMethod;
import org.tollgate.config.aaa.AccountingList;
import org.tollgate.config.aaa.GroupServer;
import org.tollgate.config.aaa.MethodList;
import org.tollgate.config.aaa.Radius;
import org.tollgate.config.aaa.RadiusGroup;
import org.tollgate.config.aaa.RadiusHost;
import org.tollgate.config.aaa.RadiusServer;
import org.tollgate.config.accounting.FileAccounting;
import org.tollgate.config.accounting.GwAccounting;
import org.tollgate.config.app.AppService;
import org.tollgate.config.app.AuthPackage;
import org.tollgate.config.line.ChatScript;
import org.tollgate.config.lpcor.Lpcor;
import org.tollgate.config.lpcor.LpcorGroup;
import org.tollgate.config.lpcor.LpcorPolicy;
import org.tollgate.config.lpcor.PolicyRule;
import org.tollgate.config.lpcor.Q850Names;
import org.tollgate.config.secret.HashedSecret;
import org.tollgate.config.secret.Password;
import org.tollgate.config.secret.Secret;
import org.tollgate.config.system.DialControlMib;
import org.tollgate.config.system.LogHost;
import org.tollgate.config.system.PassthroughCommand;
import org.tollgate.config.system.PassthroughCommand.Section;
import org.tollgate.config.user.User;

/**
 * Prints a {@link GatewayConfig} in canonical IOS form (the body of {@code show running-config}):
 * fixed section order, full keywords, one-space indentation per sub-mode, only non-default values,
 * {@code !} between sections, {@code end} last. {@code service password-encryption} prints type 0
 * passwords (user, line, RADIUS keys) as type 7. Voice, CME and line sections are in {@link PrinterVoice}.
 */
public final class Printer {
    private final StringBuilder out = new StringBuilder();
    private final GatewayConfig c;

    private Printer(GatewayConfig c) {
        this.c = c;
    }

    /** The configuration text. */
    public static String print(GatewayConfig c) {
        Printer p = new Printer(c);
        p.all();
        return p.out.toString();
    }

    void line(String s) {
        out.append(s).append('\n');
    }

    void bang() {
        if (!out.isEmpty() && !out.toString().endsWith("!\n")) {
            line("!");
        }
    }

    /**
     * A password as {@code 0 X} or {@code 7 HEX}, per {@code service password-encryption} (type 0 for a
     * text type 7 cannot encode, which only a programmatically built model can hold).
     */
    String pw(Password p) {
        boolean encodable = p.reveal().chars().allMatch(ch -> ch <= 0xFF);
        return c.services().passwordEncryption() && encodable ? "7 " + p.type7() : "0 " + p.reveal();
    }

    private void all() {
        line("!");
        passthrough(Section.VERSION);
        passthrough(Section.SERVICE);
        line((c.services().passwordEncryption() ? "" : "no ") + "service password-encryption");
        if (c.services().execCallback()) {
            line("service exec-callback");
        }
        bang();
        line("hostname " + c.hostname());
        bang();
        c.enableSecret().ifPresent(s -> line("enable secret " + s.type() + " " + s.encoded()));
        users();
        bang();
        aaa(c.aaa());
        bang();
        passthrough(Section.GLOBAL);
        bang();
        for (ChatScript s : c.chatScripts()) {
            line("chat-script " + s.name() + " " + s.script());
        }
        bang();
        PrinterVoice v = new PrinterVoice(this, c);
        v.voiceServiceAndLpcor();
        bang();
        v.voiceRegister();
        bang();
        application();
        bang();
        passthrough(Section.VOICE_CARD);
        bang();
        passthrough(Section.INTERFACE);
        bang();
        passthrough(Section.ROUTING);
        bang();
        radiusAndLogging(c.radius());
        bang();
        accounting(c.accounting());
        bang();
        DialControlMib m = c.dialControlMib();
        if (m.retainTimerMinutes() != DialControlMib.DEFAULT_RETAIN_MINUTES) {
            line("dial-control-mib retain-timer " + m.retainTimerMinutes());
        }
        if (m.maxSize() != DialControlMib.DEFAULT_MAX_SIZE) {
            line("dial-control-mib max-size " + m.maxSize());
        }
        c.timeouts().interdigitSeconds().ifPresent(t -> line("timeouts interdigit " + t));
        bang();
        v.voicePorts();
        v.dialPeers();
        v.sipUa();
        bang();
        v.telephony();
        v.ephones();
        bang();
        v.huntGroups();
        bang();
        passthrough(Section.BANNER);
        bang();
        v.lines();
        bang();
        passthrough(Section.NTP);
        bang();
        line("end");
    }

    private void passthrough(Section s) {
        for (PassthroughCommand p : c.passthrough()) {
            if (p.section() == s) {
                line(p.line());
                for (String child : p.children()) {
                    line(" " + child);
                }
                if (s == Section.INTERFACE || s == Section.VOICE_CARD) {
                    line("!");
                }
            }
        }
    }

    private void users() {
        for (User u : c.users()) {
            StringBuilder s = new StringBuilder("username ").append(u.name());
            if (u.privilege() != User.DEFAULT_PRIVILEGE) {
                s.append(" privilege ").append(u.privilege());
            }
            if (u.noCallbackVerify()) {
                s.append(" nocallback-verify");
            }
            u.callbackDialstring().ifPresent(d -> s.append(" callback-dialstring ").append(d.isEmpty() ? "\"\"" : d));
            s.append(' ').append(secret(u.credential()));
            line(s.toString());
        }
    }

    private String secret(Secret s) {
        return switch (s) {
            case Password p -> "password " + pw(p);
            case HashedSecret h -> "secret " + h.type() + " " + h.encoded();
        };
    }

    private void aaa(Aaa a) {
        if (a.newModel()) {
            line("aaa new-model");
        }
        for (RadiusGroup g : a.serverGroups()) {
            line("aaa group server radius " + g.name());
            for (GroupServer s : g.servers()) {
                line(s.byName() ? " server name " + s.target()
                        : " server " + s.target() + " auth-port " + s.authPort() + " acct-port " + s.acctPort());
            }
        }
        for (MethodList l : a.authentication()) {
            line("aaa authentication login " + l.name() + methods(l.methods()));
        }
        for (MethodList l : a.authorization()) {
            line("aaa authorization " + l.service() + " " + l.name() + methods(l.methods()));
        }
        for (AccountingList l : a.accounting()) {
            StringBuilder s = new StringBuilder("aaa accounting " + l.service() + " " + l.name()
                    + (l.startStop() ? " start-stop" : " stop-only"));
            l.groups().forEach(g -> s.append(" group ").append(g));
            line(s.toString());
        }
        if (!a.sessionIdCommon()) {
            line("aaa session-id unique");
        } else if (a.newModel()) {
            line("aaa session-id common");
        }
    }

    private static String methods(List<AaaMethod> ms) {
        StringBuilder s = new StringBuilder();
        ms.forEach(m -> s.append(' ').append(m.text()));
        return s.toString();
    }

    private void application() {
        AuthPackage p = c.application().authPackage();
        List<AppService> services = c.application().services();
        boolean auth = !p.equals(AuthPackage.DEFAULT);
        if (!auth && services.isEmpty()) {
            return;
        }
        line("application");
        for (AppService s : services) {
            line(" service " + s.name() + " " + s.url());
        }
        if (auth) {
            AuthPackage d = AuthPackage.DEFAULT;
            line(" package auth");
            p.userPrompt().ifPresent(u -> line("  param user-prompt " + u));
            p.passwdPrompt().ifPresent(u -> line("  param passwd-prompt " + u));
            p.passwd().ifPresent(u -> line("  param passwd " + u.reveal()));
            if (p.maxRetries() != d.maxRetries()) {
                line("  param max-retries " + p.maxRetries());
            }
            if (p.termDigit() != d.termDigit()) {
                line("  param term-digit " + p.termDigit());
            }
            if (p.abortDigit() != d.abortDigit()) {
                line("  param abort-digit " + p.abortDigit());
            }
            if (p.maxDigits() != d.maxDigits()) {
                line("  param max-digits " + p.maxDigits());
            }
        }
    }

    private void radiusAndLogging(Radius r) {
        r.sourceInterface().ifPresent(i -> line("ip radius source-interface " + i));
        c.logging().trap().ifPresent(t -> line("logging trap " + t.keyword()));
        for (LogHost h : c.logging().hosts()) {
            String t = h.tcp() || h.port() != LogHost.DEFAULT_PORT
                    ? " transport " + (h.tcp() ? "tcp" : "udp") + " port " + h.port() : "";
            line("logging host " + h.address() + t);
        }
        bang();
        for (RadiusHost h : r.hosts()) {
            line("radius-server host " + h.address() + " auth-port " + h.authPort() + " acct-port " + h.acctPort()
                    + h.key().map(k -> " key " + pw(k)).orElse(""));
        }
        r.key().ifPresent(k -> line("radius-server key " + pw(k)));
        if (r.timeoutSeconds() != Radius.DEFAULT_TIMEOUT) {
            line("radius-server timeout " + r.timeoutSeconds());
        }
        if (r.retransmit() != Radius.DEFAULT_RETRANSMIT) {
            line("radius-server retransmit " + r.retransmit());
        }
        if (r.deadtimeMinutes() != 0) {
            line("radius-server deadtime " + r.deadtimeMinutes());
        }
        for (RadiusServer s : r.servers()) {
            bang();
            line("radius server " + s.name());
            s.address().ifPresent(a -> line(" address ipv4 " + a + " auth-port " + s.authPort()
                    + " acct-port " + s.acctPort()));
            s.key().ifPresent(k -> line(" key " + pw(k)));
            s.timeoutSeconds().ifPresent(t -> line(" timeout " + t));
            s.retransmit().ifPresent(t -> line(" retransmit " + t));
        }
    }

    private void accounting(GwAccounting g) {
        if (g.aaa()) {
            line("gw-accounting aaa");
        }
        if (g.syslog()) {
            line("gw-accounting syslog");
        }
        g.file().ifPresent(f -> {
            FileAccounting d = FileAccounting.DEFAULT;
            line("gw-accounting file");
            f.primary().ifPresent(t -> line(" primary " + t.protocol() + " " + t.url()));
            f.secondary().ifPresent(t -> line(" secondary " + t.protocol() + " " + t.url()));
            if (f.compact()) {
                line(" cdr-format compact");
            }
            if (f.bufferSizeKb() != d.bufferSizeKb()) {
                line(" maximum buffer-size " + f.bufferSizeKb());
            }
            if (f.fileCloseMinutes() != d.fileCloseMinutes()) {
                line(" maximum fileclose-timer " + f.fileCloseMinutes());
            }
            if (f.cdrFlushMinutes() != d.cdrFlushMinutes()) {
                line(" maximum cdrflush-timer " + f.cdrFlushMinutes());
            }
            if (f.retryCount() != d.retryCount()) {
                line(" maximum retry-count " + f.retryCount());
            }
        });
    }

    /** {@code voice lpcor ...} lines. */
    void lpcor(Lpcor l) {
        if (l.enabled()) {
            line("voice lpcor enable");
        }
        if (l.callBlockCause() != Lpcor.DEFAULT_CALL_BLOCK_CAUSE) {
            line("voice lpcor call-block cause "
                    + Q850Names.name(l.callBlockCause()).orElse(Integer.toString(l.callBlockCause())));
        }
        if (!l.groups().isEmpty()) {
            line("voice lpcor custom");
            for (LpcorGroup g : l.groups()) {
                line(" group " + g.number() + " " + g.name());
            }
        }
        for (LpcorPolicy p : l.policies()) {
            line("voice lpcor policy " + p.name());
            if (p.serviceFac()) {
                line(" service fac");
            }
            for (PolicyRule r : p.rules()) {
                line(switch (r.verdict()) {
                    case ACCEPT -> " accept " + r.sourceGroup();
                    case ACCEPT_FAC -> " accept " + r.sourceGroup() + " fac";
                    case REJECT -> " no accept " + r.sourceGroup();
                });
            }
        }
    }

    static String opt(String prefix, Optional<String> v) {
        return v.map(x -> prefix + x).orElse("");
    }
}
