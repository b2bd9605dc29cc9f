package org.tollgate.aaa;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.aaa.authpkg.AuthPackage;
import org.tollgate.aaa.authpkg.AuthPackageParams;
import org.tollgate.aaa.authpkg.FacAuthorizationApplication;
import org.tollgate.aaa.local.LocalMethod;
import org.tollgate.aaa.local.LocalUsers;
import org.tollgate.aaa.local.PasswordCheck;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.method.LoginAuthenticator;
import org.tollgate.aaa.method.LoginMethod;
import org.tollgate.aaa.method.MethodList;
import org.tollgate.aaa.method.NoneMethod;
import org.tollgate.aaa.radius.RadiusAccountingClient;
import org.tollgate.aaa.radius.RadiusGroup;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusServers;
import org.tollgate.aaa.radius.RadiusSettings;
import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.aaa.AaaMethod;
import org.tollgate.config.aaa.AccountingList;
import org.tollgate.config.aaa.GroupServer;
import org.tollgate.config.aaa.Radius;
import org.tollgate.config.aaa.RadiusHost;
import org.tollgate.config.aaa.RadiusServer;
import org.tollgate.config.secret.Password;
import org.tollgate.config.user.User;

/**
 * The {@code aaa} module's entry point for the gateway: builds login method lists, RADIUS groups and
 * the auth package's parameters from the configuration, and swaps them atomically when a new
 * configuration is {@link #apply applied} (STYLE guideline 10).
 *
 * <p>Configuration mapping (documented in {@code docs/aaa.md}):
 * <ul>
 *   <li>{@code aaa new-model} with {@code aaa authentication login NAME m1 m2 ...}: one
 *       {@link MethodList} per list. Methods: {@code local} (every {@code username}),
 *       {@code group radius} (every {@code radius server} block with an address, then every
 *       {@code radius-server host}), {@code group NAME} ({@code aaa group server radius NAME}),
 *       {@code none}; {@code enable} checks the enable secret; {@code line} is unavailable
 *       (there is no line password on a call).</li>
 *   <li>Without {@code aaa new-model}, or when neither the asked list nor {@code default} exists,
 *       login uses the local username database.</li>
 *   <li>A RADIUS server needs a key (its own or {@code radius-server key}); one without is skipped
 *       with a warning. Timeout, retransmit and deadtime come from {@code radius-server ...}, with
 *       {@code radius server NAME / timeout|retransmit} overriding per server.</li>
 *   <li>{@code aaa accounting SERVICE NAME ... group X...}: a {@link RadiusAccountingClient} over the
 *       groups' servers, see {@link #accounting(String, String)}.</li>
 *   <li>The auth package asks the {@code h323} list (the list Cisco voice applications use), else
 *       {@code default}. Its inter-digit timeout is {@code timeouts interdigit} (default 10 s);
 *       call control passes the caller's port value per call.</li>
 * </ul>
 */
public final class AaaService {

    private static final Logger LOG = LoggerFactory.getLogger(AaaService.class);
    private static final java.util.concurrent.Executor SLOW_CHECKS = java.util.concurrent.Executors
            .newThreadPerTaskExecutor(Thread.ofVirtual().name("enable-login-", 0).factory());

    /** What one configuration produced. */
    private record Built(LoginAuthenticator login, AuthPackageParams params,
            Map<String, RadiusAccountingClient> accounting, List<String> warnings) {
    }

    private final Clock clock;
    private final FacLockout lockout;
    private final Optional<InetAddress> sourceAddress;
    private final AtomicReference<Built> current = new AtomicReference<>();
    private final RadiusServers radiusServers = new RadiusServers();
    private final FacAuthorizationApplication application;

    /**
     * @param config the initial configuration
     * @param clock time for lockout and dead-server marking
     * @param lockout the FAC lockout (counts survive configuration swaps)
     * @param sourceAddress the local address RADIUS requests are sent from (the gateway's bind
     *     address); empty lets the OS choose
     */
    public AaaService(GatewayConfig config, Clock clock, FacLockout lockout, Optional<InetAddress> sourceAddress) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.sourceAddress = Objects.requireNonNull(sourceAddress, "sourceAddress");
        apply(config);
        this.application = new FacAuthorizationApplication(
                new AuthPackage(() -> current.get().params(), () -> current.get().login(), lockout));
    }

    /** With the default lockout (5 failures, 15 minutes) and no fixed source address. */
    public AaaService(GatewayConfig config, Clock clock) {
        this(config, clock, new FacLockout(clock), Optional.empty());
    }

    /** Swaps in a new configuration; calls in progress finish with the old one. */
    public void apply(GatewayConfig config) {
        Built built = build(config);
        built.warnings().forEach(w -> LOG.warn("aaa: {}", w));
        current.set(built);
    }

    /** The FAC application to register with call control. */
    public AuthorizationApplication authorizationApplication() {
        return application;
    }

    /** The current login method lists (also for EXEC logins on lines). */
    public LoginAuthenticator login() {
        return current.get().login();
    }

    /** Authenticates through the named list (or {@code default}, or local). Never blocks. */
    public CompletableFuture<AuthResult> authenticate(String listName, Credentials credentials) {
        return current.get().login().authenticate(listName, credentials);
    }

    /**
     * The RADIUS accounting client of {@code aaa accounting SERVICE NAME start-stop|stop-only group
     * X...} (servers of the groups in order), e.g. {@code accounting("connection", "h323")}.
     */
    public Optional<RadiusAccountingClient> accounting(String service, String listName) {
        return Optional.ofNullable(current.get().accounting().get(service + " " + listName));
    }

    /** The current auth package parameters. */
    public AuthPackageParams authPackageParams() {
        return current.get().params();
    }

    /** Problems found in the last applied configuration (also logged). */
    public List<String> warnings() {
        return current.get().warnings();
    }

    public FacLockout lockout() {
        return lockout;
    }

    /** Every RADIUS server's state and counters (for {@code show aaa servers}). */
    public RadiusServers radiusServers() {
        return radiusServers;
    }

    public Clock clock() {
        return clock;
    }

    private Built build(GatewayConfig config) {
        List<String> warnings = new ArrayList<>();
        LocalMethod local = new LocalMethod(localUsers(config));
        Radius radius = config.radius();
        RadiusSettings settings = RadiusSettings.defaults()
                .withTimeout(Duration.ofSeconds(radius.timeoutSeconds()))
                .withRetransmit(radius.retransmit())
                .withDeadtime(Duration.ofMinutes(radius.deadtimeMinutes()))
                .withSourceAddress(sourceAddress.orElse(null));
        Map<String, RadiusGroup> groups = new LinkedHashMap<>();
        Map<String, MethodList> lists = new LinkedHashMap<>();
        if (config.aaa().newModel()) {
            for (org.tollgate.config.aaa.MethodList list : config.aaa().authentication()) {
                if (!list.service().equals("login")) {
                    continue;
                }
                List<LoginMethod> methods = new ArrayList<>();
                for (AaaMethod method : list.methods()) {
                    methods.add(switch (method.kind()) {
                        case LOCAL -> local;
                        case NONE -> new NoneMethod();
                        case ENABLE -> enableMethod(config);
                        case LINE -> unavailable("line", "no line password applies to this login");
                        case GROUP -> groups.computeIfAbsent(method.group(),
                                g -> radiusGroup(config, g, settings, warnings));
                    });
                }
                lists.put(list.name(), new MethodList(list.name(), methods));
            }
        }
        LoginAuthenticator login = new LoginAuthenticator(lists, new MethodList("local", List.of(local)));
        Map<String, RadiusAccountingClient> accounting = new LinkedHashMap<>();
        if (config.aaa().newModel()) {
            for (AccountingList list : config.aaa().accounting()) {
                List<RadiusServerSpec> servers = new ArrayList<>();
                for (String group : list.groups()) {
                    servers.addAll(servers(config, group, warnings));
                }
                accounting.put(list.service() + " " + list.name(), new RadiusAccountingClient(servers, settings, clock, radiusServers));
            }
        }
        return new Built(login, params(config), Map.copyOf(accounting),
                List.copyOf(new java.util.LinkedHashSet<>(warnings)));
    }

    private static LocalUsers localUsers(GatewayConfig config) {
        Map<String, PasswordCheck> users = new LinkedHashMap<>();
        for (User user : config.users()) {
            users.put(user.name(), user.credential()::matches);
        }
        return LocalUsers.of(users);
    }

    private static LoginMethod enableMethod(GatewayConfig config) {
        if (config.enableSecret().isEmpty()) {
            return unavailable("enable", "no enable secret configured");
        }
        var secret = config.enableSecret().get();
        return new LoginMethod() {
            @Override
            public String name() {
                return "enable";
            }

            @Override
            public CompletableFuture<AuthResult> authenticate(Credentials credentials) {
                // a hashed secret is slow by design: check it off the caller's thread
                return CompletableFuture.supplyAsync(() -> secret.matches(credentials.password())
                        ? new AuthResult.Accepted(credentials.username(), name())
                        : new AuthResult.Rejected(credentials.username(), name()),
                        SLOW_CHECKS);
            }
        };
    }

    private static LoginMethod unavailable(String name, String reason) {
        return new LoginMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletableFuture<AuthResult> authenticate(Credentials credentials) {
                return CompletableFuture.completedFuture(new AuthResult.Unavailable(name, reason));
            }
        };
    }

    private RadiusGroup radiusGroup(GatewayConfig config, String group, RadiusSettings settings, List<String> warnings) {
        return new RadiusGroup("group " + group, servers(config, group, warnings), settings, clock, config.hostname(),
                radiusServers);
    }

    /** The servers of {@code group radius} or {@code group NAME}, in order. */
    private static List<RadiusServerSpec> servers(GatewayConfig config, String group, List<String> warnings) {
        Radius radius = config.radius();
        Optional<String> globalKey = radius.key().map(Password::reveal);
        List<RadiusServerSpec> servers = new ArrayList<>();
        if (group.equals("radius")) {
            for (RadiusServer server : radius.servers()) {
                namedServer(server, globalKey, warnings).ifPresent(servers::add);
            }
            for (RadiusHost host : radius.hosts()) {
                hostServer(host.address(), host.authPort(), host.acctPort(), host.key().map(Password::reveal).or(() -> globalKey),
                        warnings).ifPresent(servers::add);
            }
        } else {
            var configured = config.aaa().serverGroup(group);
            if (configured.isEmpty()) {
                warnings.add("aaa group server radius " + group + " is not configured: method group " + group
                        + " is unavailable");
            } else {
                for (GroupServer member : configured.get().servers()) {
                    if (member.byName()) {
                        Optional<RadiusServer> server = radius.server(member.target());
                        if (server.isEmpty()) {
                            warnings.add("group " + group + ": radius server " + member.target() + " is not configured");
                        } else {
                            namedServer(server.get(), globalKey, warnings).ifPresent(servers::add);
                        }
                    } else {
                        Optional<String> key = radius.hosts().stream()
                                .filter(h -> h.address().equals(member.target()))
                                .findFirst()
                                .flatMap(RadiusHost::key)
                                .map(Password::reveal)
                                .or(() -> globalKey);
                        hostServer(member.target(), member.authPort(), member.acctPort(), key, warnings)
                                .ifPresent(servers::add);
                    }
                }
            }
        }
        return servers;
    }

    private static Optional<RadiusServerSpec> namedServer(RadiusServer server, Optional<String> globalKey,
            List<String> warnings) {
        if (server.address().isEmpty()) {
            warnings.add("radius server " + server.name() + " has no address: skipped");
            return Optional.empty();
        }
        Optional<String> key = server.key().map(Password::reveal).or(() -> globalKey);
        if (key.isEmpty() || key.get().isEmpty()) {
            warnings.add("radius server " + server.name() + " has no key (and no radius-server key): skipped");
            return Optional.empty();
        }
        Optional<InetAddress> address = parse(server.address().get(), warnings);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt retransmit = server.retransmit();
        Optional<Duration> timeout = server.timeoutSeconds().isPresent()
                ? Optional.of(Duration.ofSeconds(server.timeoutSeconds().getAsInt()))
                : Optional.empty();
        return Optional.of(new RadiusServerSpec(server.name(), address.get(), server.authPort(), server.acctPort(),
                key.get(), timeout, retransmit));
    }

    private static Optional<RadiusServerSpec> hostServer(String host, int authPort, int acctPort, Optional<String> key,
            List<String> warnings) {
        if (key.isEmpty() || key.get().isEmpty()) {
            warnings.add("radius-server host " + host + " has no key (and no radius-server key): skipped");
            return Optional.empty();
        }
        return parse(host, warnings).map(a -> new RadiusServerSpec(host, a, authPort, acctPort, key.get()));
    }

    private static Optional<InetAddress> parse(String address, List<String> warnings) {
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            warnings.add("RADIUS server address " + address + " cannot be resolved: skipped");
            return Optional.empty();
        }
    }

    /** The auth package parameters from {@code application / package auth} and {@code timeouts interdigit}. */
    public static AuthPackageParams params(GatewayConfig config) {
        var auth = config.application().authPackage();
        int interdigit = config.timeouts().interdigit();
        return new AuthPackageParams(
                auth.userPrompt().orElse(AuthPackageParams.DEFAULT_USER_PROMPT),
                auth.passwdPrompt().orElse(AuthPackageParams.DEFAULT_PASSWD_PROMPT),
                auth.passwd().map(Password::reveal),
                auth.maxRetries(),
                Optional.of(auth.termDigit()),
                auth.abortDigit(),
                auth.maxDigits(),
                interdigit > 0 ? Duration.ofSeconds(interdigit) : AuthPackageParams.DEFAULT_INTERDIGIT,
                AuthPackageParams.DEFAULT_LOGIN_LIST);
    }
}
