package org.tollgate.lines.vpn;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code tollgate vpnclient} (also installed as {@code vpnclient}): the thin command-line client of
 * {@link VpnDaemon} (vpnclient spec). Returns the spec's return codes ({@link ReturnCode}) as exit status.
 *
 * <p>Locations come from the environment: {@code TOLLGATE_VPN_SOCKET} (the daemon's socket, see
 * {@link VpnDaemon}), {@code TOLLGATE_VPN_PROFILES} (the {@code .pcf} directory, default
 * {@code ~/.tollgate/vpn/Profiles}) and {@code TOLLGATE_VPN_DATA} (default {@code ~/.tollgate/vpn}, holds the
 * key of saved passwords, see {@link SecretBox}).
 *
 * <p>Profile checks for {@code connect}: unreadable or missing file, no {@code Host}, unreadable
 * {@code enc_GroupPwd}, malformed {@code ForwardRoutes} or {@code TunnelPort} → 10; {@code GroupName} over 128
 * characters → 28; group password over 32 → 29; {@code AuthType} other than 1 (group authentication) → 30;
 * a user password over 255 → 12; three refused authentications → 13; the head end unreachable → 14.
 */
public final class VpnClient {
    /** Longest group name (code 28). */
    public static final int MAX_GROUP_NAME = 128;
    /** Longest group password (code 29). */
    public static final int MAX_GROUP_PASSWORD = 32;
    /** Longest user password (code 12). */
    public static final int MAX_USER_PASSWORD = 255;
    /** Authentication attempts before code 13. */
    public static final int MAX_TRIES = 3;
    /** How long a request to the daemon may take (code 33). */
    public static final Duration IPC_TIMEOUT = Duration.ofSeconds(60);
    /** Default head-end tunnel port when the profile has no {@code TunnelPort}. */
    public static final int DEFAULT_TUNNEL_PORT = 23;

    /** Where the client finds the daemon, the profiles and its key. */
    public record Settings(Path socket, Path profiles, Path dataDir) {
        public static Settings fromEnvironment(Map<String, String> env) {
            Path home = Path.of(System.getProperty("user.home"));
            Path data = Optional.ofNullable(env.get("TOLLGATE_VPN_DATA")).map(Path::of)
                    .orElse(home.resolve(".tollgate").resolve("vpn"));
            Path profiles = Optional.ofNullable(env.get("TOLLGATE_VPN_PROFILES")).map(Path::of)
                    .orElse(data.resolve("Profiles"));
            Path socket = Optional.ofNullable(env.get("TOLLGATE_VPN_SOCKET")).map(Path::of)
                    .orElseGet(() -> Optional.ofNullable(env.get("XDG_RUNTIME_DIR"))
                            .map(d -> Path.of(d, "tollgate-vpnd.sock"))
                            .orElse(Path.of(System.getProperty("java.io.tmpdir"),
                                    "tollgate-vpnd-" + System.getProperty("user.name") + ".sock")));
            return new Settings(socket, profiles, data);
        }
    }

    private final Settings settings;
    private final CredentialPrompt prompt;
    private final PrintStream out;
    private final Duration ipcTimeout;

    VpnClient(Settings settings, CredentialPrompt prompt, PrintStream out, Duration ipcTimeout) {
        this.settings = settings;
        this.prompt = prompt;
        this.out = out;
        this.ipcTimeout = ipcTimeout;
    }

    /** Runs {@code vpnclient} directly (the {@code scripts/vpnclient} wrapper uses {@code tollgate vpnclient}). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Entry point of {@code tollgate vpnclient ARGS}; returns the exit status. */
    public static int run(String[] args) {
        return new VpnClient(Settings.fromEnvironment(System.getenv()), CredentialPrompt.console(System.out), System.out,
                IPC_TIMEOUT).execute(args).code();
    }

    ReturnCode execute(String[] args) {
        return switch (VpnCommand.parse(args)) {
            case VpnCommand.ListCommands l -> {
                out.println(VpnCommand.USAGE);
                yield ReturnCode.ERR_MISSING_COMMAND;
            }
            case VpnCommand.Invalid i -> {
                out.println("vpnclient: " + i.message());
                out.println(VpnCommand.USAGE);
                yield i.code();
            }
            case VpnCommand.Ok ok -> switch (ok.command()) {
                case VpnCommand.Connect c -> connect(c);
                case VpnCommand.Disconnect d -> simple(Map.of("cmd", "disconnect"));
                case VpnCommand.Notify n -> simple(Map.of("cmd", "notify"));
                case VpnCommand.Stat s -> stat(s);
                case VpnCommand.VerifyAutoInitConfig v -> {
                    out.println("Auto-initiation is not configured (not supported on this platform).");
                    yield ReturnCode.SUCCESS_STAT;
                }
            };
        };
    }

    /** Sends one request; prints the reply text; maps IPC failures to codes 8, 18, 33, 35. */
    private ReturnCode simple(Map<String, String> request) {
        return switch (Ipc.call(settings.socket(), request, ipcTimeout)) {
            case Ipc.Reply r -> {
                out.print(r.text());
                yield r.code() == 0 ? ReturnCode.SUCCESS_STAT : ReturnCode.of(r.code());
            }
            case Ipc.Result other -> ipcFailure(other);
        };
    }

    private ReturnCode ipcFailure(Ipc.Result r) {
        return switch (r) {
            case Ipc.NoDaemon n -> {
                out.println("vpnclient: the VPN daemon (tollgate vpnd) is not running: " + n.why());
                yield ReturnCode.ERR_DAEMON_NOT_RUNNING;
            }
            case Ipc.AttachFailed a -> {
                out.println("vpnclient: cannot attach to the VPN daemon: " + a.why());
                yield ReturnCode.ERR_ATTACH_FAILED;
            }
            case Ipc.TimedOut t -> {
                out.println("vpnclient: the VPN daemon did not answer in time");
                yield ReturnCode.ERR_COMMUNICATION_TIMED_OUT;
            }
            case Ipc.Garbled g -> {
                out.println("vpnclient: communication with the VPN daemon failed: " + g.why());
                yield ReturnCode.ERR_COMMUNICATION_FAILED;
            }
            case Ipc.Reply reply -> ReturnCode.of(reply.code());
        };
    }

    private ReturnCode stat(VpnCommand.Stat s) {
        Map<String, String> req = new LinkedHashMap<>();
        req.put("cmd", "stat");
        req.put("parts", s.parts().stream().map(Enum::name).collect(Collectors.joining(",")));
        req.put("reset", s.reset() ? "1" : "0");
        ReturnCode code = simple(req);
        if (!s.repeat()) {
            return code;
        }
        req.put("reset", "0");
        while (code == ReturnCode.SUCCESS_STAT && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            code = simple(req);
        }
        return code;
    }

    private ReturnCode connect(VpnCommand.Connect c) {
        switch (Ipc.call(settings.socket(), Map.of("cmd", "status"), ipcTimeout)) {
            case Ipc.Reply r when r.text().startsWith("connected") -> {
                out.println("vpnclient: a VPN connection already exists; disconnect it first");
                return ReturnCode.ERR_DAEMON_ALREADY_RUNNING;
            }
            case Ipc.Reply r -> { /* the daemon is idle */ }
            case Ipc.Result other -> {
                return ipcFailure(other);
            }
        }
        Path file;
        PcfProfile profile;
        SecretBox box;
        try {
            if (c.profile().contains("/") || c.profile().contains("\\") || c.profile().startsWith(".")) {
                out.println("vpnclient: bad profile name '" + c.profile() + "'");
                return ReturnCode.ERR_NO_PROFILE;
            }
            file = settings.profiles().resolve(c.profile() + ".pcf");
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            switch (PcfProfile.parse(lines)) {
                case PcfProfile.Ok ok -> profile = ok.profile();
                case PcfProfile.Error e -> {
                    out.println("vpnclient: " + file + ":" + e.line() + ":" + e.column() + ": " + e.message());
                    return ReturnCode.ERR_NO_PROFILE;
                }
            }
            box = SecretBox.open(settings.dataDir());
        } catch (IOException e) {
            out.println("vpnclient: cannot read the profile '" + c.profile() + "': " + e.getMessage());
            return ReturnCode.ERR_NO_PROFILE;
        }

        Optional<String> host = profile.get("Host");
        String authType = profile.get("AuthType").orElse("1");
        String group = profile.get("GroupName").orElse("");
        List<Route> routes = Route.parseList(profile.get("ForwardRoutes").orElse(""));
        int port;
        try {
            port = Integer.parseInt(profile.get("TunnelPort").orElse(String.valueOf(DEFAULT_TUNNEL_PORT)));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || routes == null || port < 1 || port > 65535) {
            out.println("vpnclient: the profile '" + c.profile() + "' has no Host or a malformed TunnelPort/ForwardRoutes");
            return ReturnCode.ERR_NO_PROFILE;
        }
        if (!authType.equals("1")) {
            out.println("vpnclient: AuthType " + authType + " is not supported (only 1, group authentication)");
            return ReturnCode.ERR_BAD_AUTHTYPE;
        }
        if (group.length() > MAX_GROUP_NAME) {
            out.println("vpnclient: the group name is longer than " + MAX_GROUP_NAME + " characters");
            return ReturnCode.ERR_BAD_GROUP_NAME;
        }
        Optional<String> groupPwd = profile.get("GroupPwd");
        if (groupPwd.isEmpty() && profile.get("enc_GroupPwd").isPresent()) {
            groupPwd = box.decrypt("enc_GroupPwd", profile.get("enc_GroupPwd").get());
            if (groupPwd.isEmpty()) {
                out.println("vpnclient: enc_GroupPwd cannot be decrypted with " + settings.dataDir().resolve(SecretBox.KEY_FILE));
                return ReturnCode.ERR_NO_PROFILE;
            }
        }
        if (groupPwd.orElse("").length() > MAX_GROUP_PASSWORD) {
            out.println("vpnclient: the group password is longer than " + MAX_GROUP_PASSWORD + " characters");
            return ReturnCode.ERR_BAD_GROUP_PWD;
        }

        boolean save = profile.get("SaveUserPassword").orElse("0").equals("1");
        if (c.eraseUserPassword()) {
            profile.remove("UserPassword");
            profile.remove("enc_UserPassword");
            if (!write(file, profile)) {
                return ReturnCode.ERR_NO_PROFILE;
            }
        }
        Optional<String> user = c.user().or(() -> profile.get("Username"));
        Optional<String> password = c.password();
        if (password.isEmpty() && !c.cliAuth()) {
            password = profile.get("UserPassword")
                    .or(() -> profile.get("enc_UserPassword").flatMap(e -> box.decrypt("enc_UserPassword", e)));
        }
        if (c.cliAuth() || user.isEmpty()) {
            user = prompt.username("Username [" + user.orElse("") + "]: ").map(String::strip)
                    .map(u -> u.isEmpty() ? c.user().or(() -> profile.get("Username")).orElse("") : u);
            if (user.isEmpty() || user.get().isEmpty()) {
                return ReturnCode.ERR_START_FAILED;
            }
        }
        for (int attempt = 1; ; attempt++) {
            if (password.isEmpty() || c.cliAuth() && attempt > 1) {
                password = prompt.password("Password []: ");
                if (password.isEmpty()) {
                    out.println("vpnclient: no password given");
                    return ReturnCode.ERR_START_FAILED;
                }
            }
            if (password.get().length() > MAX_USER_PASSWORD) {
                out.println("vpnclient: the password is longer than " + MAX_USER_PASSWORD + " characters");
                return ReturnCode.ERR_PWD_TOO_LONG;
            }
            Map<String, String> req = new LinkedHashMap<>();
            req.put("cmd", "connect");
            req.put("host", host.get());
            req.put("port", String.valueOf(port));
            profile.get("HostKey").ifPresent(k -> req.put("hostkey", k));
            req.put("group", group);
            req.put("grouppwd", groupPwd.orElse(""));
            req.put("user", user.get());
            req.put("userpwd", password.get());
            req.put("routes", Route.joinList(routes));
            out.println("Initiating TCP to " + host.get() + ", port " + port);
            Ipc.Result result = Ipc.call(settings.socket(), req, ipcTimeout);
            if (!(result instanceof Ipc.Reply r)) {
                return ipcFailure(result);
            }
            out.print(r.text());
            ReturnCode code = ReturnCode.of(r.code());
            if (code == ReturnCode.ERR_TOO_MANY_TRIES) {
                if (attempt >= MAX_TRIES) {
                    out.println("vpnclient: no valid password after " + MAX_TRIES + " tries");
                    return ReturnCode.ERR_TOO_MANY_TRIES;
                }
                password = Optional.empty();
                continue;
            }
            if (code == ReturnCode.SUCCESS_START) {
                saveProfile(file, profile, box, user.get(), password.get(), groupPwd, c, save);
            }
            return code;
        }
    }

    /** After a successful connect: username updated, clear passwords replaced by encrypted ones or erased. */
    private void saveProfile(Path file, PcfProfile profile, SecretBox box, String user, String password,
            Optional<String> groupPwd, VpnCommand.Connect c, boolean save) {
        if (c.user().isPresent()) {
            profile.set("Username", user);
        }
        if (profile.get("GroupPwd").isPresent() && groupPwd.isPresent()) {
            profile.remove("GroupPwd");
            profile.set("enc_GroupPwd", box.encrypt("enc_GroupPwd", groupPwd.get()));
        }
        profile.remove("UserPassword");
        if (save) {
            profile.set("enc_UserPassword", box.encrypt("enc_UserPassword", password));
        } else {
            profile.remove("enc_UserPassword");
        }
        write(file, profile);
    }

    private boolean write(Path file, PcfProfile profile) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, profile.lines(), StandardCharsets.ISO_8859_1);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            out.println("vpnclient: cannot update the profile " + file + ": " + e.getMessage());
            return false;
        }
    }
}
