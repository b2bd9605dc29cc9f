package org.tollgate.lines.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vpnclient spec: commands, profiles and every return code the client produces, against a real vpnd and head end. */
class VpnClientTest {
    @TempDir
    Path dir;
    private VpnFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new VpnFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    @DisplayName("connect (200), traffic over a forwarded route counted by stat traffic (202), notify, disconnect (201)")
    void connectStatDisconnect() throws Exception {
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "myprofile", "user", "admin", "pwd", "admin"));
        assertEquals(200, ReturnCode.SUCCESS_START.code());
        assertTrue(f.output().contains("Your VPN connection is secure."));

        try (Socket s = new Socket("127.0.0.1", f.routePort)) {
            OutputStream out = s.getOutputStream();
            out.write("hello head office\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[18];
            int got = 0;
            while (got < buf.length) {
                int n = in.read(buf, got, buf.length - got);
                assertTrue(n > 0, "the echo comes back through the tunnel");
                got += n;
            }
            assertEquals("hello head office\n", new String(buf, StandardCharsets.US_ASCII));
        }
        assertEquals(ReturnCode.SUCCESS_STAT, f.vpnclient("stat", "traffic"));
        String traffic = f.output();
        assertTrue(traffic.contains("Bytes out: 18"), traffic);
        assertTrue(traffic.contains("Bytes in: 18"), traffic);
        assertFalse(traffic.contains("Server address"), "only the traffic part was asked for");

        assertEquals(ReturnCode.SUCCESS_STAT, f.vpnclient("stat"));
        String all = f.output();
        assertTrue(all.contains("VPN tunnel information.") && all.contains("Configured routes:")
                && all.contains("Firewall Policy") && all.contains("Encryption: "), all);

        assertEquals(ReturnCode.SUCCESS_STAT, f.vpnclient("stat", "reset"));
        f.output();
        assertEquals(ReturnCode.SUCCESS_STAT, f.vpnclient("stat", "traffic"));
        assertTrue(f.output().contains("Bytes out: 0"), "stat reset zeroes the counters");

        assertEquals(ReturnCode.SUCCESS_STAT, f.vpnclient("notify"));
        assertTrue(f.output().contains(VpnFixture.NOTICE));

        assertEquals(ReturnCode.SUCCESS_STOP, f.vpnclient("disconnect"));
        assertEquals(201, ReturnCode.SUCCESS_STOP.code());
    }

    @Test
    @DisplayName("a forwarded connection that half-closes (shutdownOutput) still receives the answer through the tunnel")
    void halfClose() throws Exception {
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "myprofile", "pwd", "admin"));
        try (Socket s = new Socket("127.0.0.1", f.routePort)) {
            s.getOutputStream().write("last words".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            byte[] buf = new byte[10];
            int got = 0;
            while (got < buf.length) {
                int n = s.getInputStream().read(buf, got, buf.length - got);
                assertTrue(n > 0, "answer after half-close");
                got += n;
            }
            assertEquals("last words", new String(buf, StandardCharsets.US_ASCII));
        }
    }

    @Test
    @DisplayName("connect while connected: 36 (ERR_DAEMON_ALREADY_RUNNING)")
    void alreadyConnected() {
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "myprofile", "pwd", "admin"));
        assertEquals(ReturnCode.ERR_DAEMON_ALREADY_RUNNING, f.vpnclient("connect", "myprofile", "pwd", "admin"));
        assertEquals(36, ReturnCode.ERR_DAEMON_ALREADY_RUNNING.code());
    }

    @Test
    @DisplayName("disconnect, stat and notify without a connection: 27 (ERR_NOT_CONNECTED)")
    void notConnected() {
        assertEquals(ReturnCode.ERR_NOT_CONNECTED, f.vpnclient("disconnect"));
        assertEquals(ReturnCode.ERR_NOT_CONNECTED, f.vpnclient("stat"));
        assertEquals(ReturnCode.ERR_NOT_CONNECTED, f.vpnclient("notify"));
        assertEquals(27, ReturnCode.ERR_NOT_CONNECTED.code());
    }

    @Test
    @DisplayName("no daemon: 35 (ERR_DAEMON_NOT_RUNNING) for connect, disconnect and stat")
    void noDaemon() throws Exception {
        f.daemon.close();
        assertEquals(ReturnCode.ERR_DAEMON_NOT_RUNNING, f.vpnclient("connect", "myprofile", "pwd", "admin"));
        assertEquals(ReturnCode.ERR_DAEMON_NOT_RUNNING, f.vpnclient("disconnect"));
        assertEquals(ReturnCode.ERR_DAEMON_NOT_RUNNING, f.vpnclient("stat"));
        Files.writeString(f.settings.socket(), "stale");
        assertEquals(ReturnCode.ERR_DAEMON_NOT_RUNNING, f.vpnclient("stat"), "a stale socket file is no daemon");
        assertEquals(35, ReturnCode.ERR_DAEMON_NOT_RUNNING.code());
    }

    @Test
    @DisplayName("command-line errors: 2 bare, 3 bad command, 4 missing parameter, 5 bad parameter, 6 too many, 7 none needed")
    void commandLineErrors() {
        assertEquals(ReturnCode.ERR_MISSING_COMMAND, f.vpnclient());
        assertTrue(f.output().contains("vpnclient connect <profile>"), "bare vpnclient lists the commands");
        assertEquals(ReturnCode.ERR_BAD_COMMAND, f.vpnclient("conect", "myprofile"));
        assertEquals(ReturnCode.ERR_BAD_COMMAND, f.vpnclient("suspendfw"));
        assertEquals(ReturnCode.ERR_MISSING_PARAMS, f.vpnclient("connect"));
        assertEquals(ReturnCode.ERR_MISSING_PARAMS, f.vpnclient("connect", "myprofile", "user"));
        assertEquals(ReturnCode.ERR_MISSING_PARAMS, f.vpnclient("verify"));
        assertEquals(ReturnCode.ERR_BAD_PARAMS, f.vpnclient("stat", "bogus"));
        assertEquals(ReturnCode.ERR_BAD_PARAMS, f.vpnclient("connect", "myprofile", "eraseuserpwd", "pwd", "x"));
        assertEquals(ReturnCode.ERR_TOO_MANY_PARAMS, f.vpnclient("connect", "myprofile", "other"));
        assertEquals(ReturnCode.ERR_TOO_MANY_PARAMS, f.vpnclient("verify", "autoinitconfig", "extra"));
        assertEquals(ReturnCode.ERR_NO_PARAMS_NEEDED, f.vpnclient("disconnect", "now"));
        assertEquals(ReturnCode.ERR_NO_PARAMS_NEEDED, f.vpnclient("notify", "me"));
        assertEquals(List.of(2, 3, 4, 5, 6, 7), List.of(ReturnCode.ERR_MISSING_COMMAND.code(),
                ReturnCode.ERR_BAD_COMMAND.code(), ReturnCode.ERR_MISSING_PARAMS.code(), ReturnCode.ERR_BAD_PARAMS.code(),
                ReturnCode.ERR_TOO_MANY_PARAMS.code(), ReturnCode.ERR_NO_PARAMS_NEEDED.code()));
    }

    @Test
    @DisplayName("the seed's keyword order 'connect user U pwd P profile' works too")
    void seedKeywordOrder() {
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "user", "admin", "pwd", "admin", "myprofile"));
    }

    @Test
    @DisplayName("profile errors: 10 missing/unreadable, 28 group name > 128, 29 group password > 32, 30 bad AuthType, 12 password > 255")
    void profileErrors() throws Exception {
        assertEquals(ReturnCode.ERR_NO_PROFILE, f.vpnclient("connect", "nosuch", "pwd", "admin"));
        f.profile("nohost", "[main]", "GroupName=sales", "GroupPwd=grp-secret");
        assertEquals(ReturnCode.ERR_NO_PROFILE, f.vpnclient("connect", "nohost", "pwd", "admin"));
        f.profile("garbled", "[main", "Host=x");
        assertEquals(ReturnCode.ERR_NO_PROFILE, f.vpnclient("connect", "garbled", "pwd", "admin"));
        assertTrue(f.output().contains("garbled.pcf:1:"), "parse errors carry line and column");
        assertEquals(ReturnCode.ERR_NO_PROFILE, f.vpnclient("connect", "../escape", "pwd", "admin"));

        f.profile("longgroup", "[main]", "Host=127.0.0.1", "GroupName=" + "g".repeat(129), "GroupPwd=x");
        assertEquals(ReturnCode.ERR_BAD_GROUP_NAME, f.vpnclient("connect", "longgroup", "pwd", "admin"));
        f.profile("longgrouppwd", "[main]", "Host=127.0.0.1", "GroupName=sales", "GroupPwd=" + "p".repeat(33));
        assertEquals(ReturnCode.ERR_BAD_GROUP_PWD, f.vpnclient("connect", "longgrouppwd", "pwd", "admin"));
        f.profile("certauth", "[main]", "Host=127.0.0.1", "AuthType=3", "GroupName=sales");
        assertEquals(ReturnCode.ERR_BAD_AUTHTYPE, f.vpnclient("connect", "certauth", "pwd", "admin"));
        assertEquals(ReturnCode.ERR_PWD_TOO_LONG, f.vpnclient("connect", "myprofile", "pwd", "x".repeat(256)));
        assertEquals(List.of(10, 28, 29, 30, 12), List.of(ReturnCode.ERR_NO_PROFILE.code(), ReturnCode.ERR_BAD_GROUP_NAME.code(),
                ReturnCode.ERR_BAD_GROUP_PWD.code(), ReturnCode.ERR_BAD_AUTHTYPE.code(), ReturnCode.ERR_PWD_TOO_LONG.code()));
    }

    @Test
    @DisplayName("three refused passwords: 13 (ERR_TOO_MANY_TRIES); the prompt is used after a wrong pwd")
    void tooManyTries() {
        f.prompt.passwords.add("wrong2");
        f.prompt.passwords.add("wrong3");
        assertEquals(ReturnCode.ERR_TOO_MANY_TRIES, f.vpnclient("connect", "myprofile", "pwd", "wrong1"));
        assertEquals(2, f.prompt.asked.size());
        assertEquals(13, ReturnCode.ERR_TOO_MANY_TRIES.code());
    }

    @Test
    @DisplayName("a wrong password followed by the right one at the prompt connects")
    void retryAtPrompt() {
        f.prompt.passwords.add("admin");
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "myprofile", "pwd", "wrong"));
    }

    @Test
    @DisplayName("head end unreachable: 14 (ERR_START_FAILED)")
    void startFailed() throws Exception {
        f.profile("down", "[main]", "Host=127.0.0.1", "TunnelPort=" + VpnFixture.freePort(), "GroupName=sales",
                "GroupPwd=grp-secret", "Username=admin");
        assertEquals(ReturnCode.ERR_START_FAILED, f.vpnclient("connect", "down", "pwd", "admin"));
        assertEquals(14, ReturnCode.ERR_START_FAILED.code());
    }

    @Test
    @DisplayName("a head end with another host key than the profile's HostKey is refused (14)")
    void hostKeyPinned() throws Exception {
        f.profile("pinned", "[main]", "Host=127.0.0.1", "TunnelPort=" + f.headEnd.tunnelPort(),
                "HostKey=SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "GroupName=sales", "GroupPwd=grp-secret",
                "Username=admin");
        assertEquals(ReturnCode.ERR_START_FAILED, f.vpnclient("connect", "pinned", "pwd", "admin"));
        assertTrue(f.output().contains("host key"));
    }

    @Test
    @DisplayName("passwords are saved encrypted: GroupPwd becomes enc_GroupPwd, pwd with SaveUserPassword=1 becomes enc_UserPassword")
    void passwordsSavedEncrypted() throws Exception {
        f.profile("saver", "[main]", "Host=127.0.0.1", "TunnelPort=" + f.headEnd.tunnelPort(),
                "HostKey=" + f.headEnd.fingerprint(), "GroupName=sales", "GroupPwd=grp-secret", "Username=nobody",
                "SaveUserPassword=1");
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "saver", "user", "admin", "pwd", "admin"));
        String pcf = f.profileText("saver");
        assertFalse(pcf.contains("grp-secret"), pcf);
        assertFalse(pcf.contains("UserPassword=admin"), pcf);
        assertTrue(pcf.contains("enc_GroupPwd="), pcf);
        assertTrue(pcf.contains("enc_UserPassword="), pcf);
        assertTrue(pcf.contains("Username=admin"), "user updates the profile's Username");
        assertEquals(ReturnCode.SUCCESS_STOP, f.vpnclient("disconnect"));

        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "saver"), "the saved password is used");
        assertTrue(f.prompt.asked.isEmpty(), "no prompt with a saved password");
        assertEquals(ReturnCode.SUCCESS_STOP, f.vpnclient("disconnect"));

        f.prompt.passwords.add("admin");
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "eraseuserpwd", "saver"));
        assertEquals(1, f.prompt.asked.size(), "eraseuserpwd makes the client ask again");
    }

    @Test
    @DisplayName("pwd without SaveUserPassword: a clear UserPassword is erased from the profile after use")
    void clearPasswordErased() throws Exception {
        f.profile("clear", "[main]", "Host=127.0.0.1", "TunnelPort=" + f.headEnd.tunnelPort(),
                "HostKey=" + f.headEnd.fingerprint(), "GroupName=sales", "GroupPwd=grp-secret", "Username=admin",
                "UserPassword=old", "SaveUserPassword=0");
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "clear", "pwd", "admin"));
        String pcf = f.profileText("clear");
        assertFalse(pcf.lines().anyMatch(l -> l.startsWith("UserPassword=") || l.startsWith("enc_UserPassword=")), pcf);
        assertTrue(pcf.contains("enc_GroupPwd="), pcf);
    }

    @Test
    @DisplayName("cliauth asks for the user name and the password on the command line")
    void cliauth() {
        f.prompt.usernames.add("admin");
        f.prompt.passwords.add("admin");
        assertEquals(ReturnCode.SUCCESS_START, f.vpnclient("connect", "myprofile", "cliauth"));
        assertEquals(2, f.prompt.asked.size());
        assertTrue(f.prompt.asked.get(0).startsWith("Username"));
        assertTrue(f.prompt.asked.get(1).startsWith("Password"));
    }

    @Test
    @DisplayName("verify autoinitconfig reports that auto-initiation is not configured")
    void verifyAutoInit() {
        assertEquals(ReturnCode.SUCCESS_STAT, f.vpnclient("verify", "autoinitconfig"));
        assertTrue(f.output().contains("Auto-initiation"));
    }
}
