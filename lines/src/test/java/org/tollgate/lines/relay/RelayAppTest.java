package org.tollgate.lines.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tollgate relayapp} command line and the head end's account file. */
class RelayAppTest {
    @Test
    @DisplayName("ADDR:PORT, :PORT, PORT and [IPv6]:PORT listen addresses; bad ones are errors")
    void addresses() {
        assertEquals(new InetSocketAddress("127.0.0.1", 2323), RelayApp.address("127.0.0.1:2323"));
        assertEquals(new InetSocketAddress("0.0.0.0", 23), RelayApp.address(":23"));
        assertEquals(new InetSocketAddress("0.0.0.0", 80), RelayApp.address("80"));
        assertEquals(new InetSocketAddress("::1", 23), RelayApp.address("[::1]:23"));
        assertThrows(IllegalArgumentException.class, () -> RelayApp.address("host:port"));
        assertThrows(IllegalArgumentException.class, () -> RelayApp.address("host:70000"));
    }

    @Test
    @DisplayName("relayapp: unknown options and unreadable account files exit 2 with a message; --help exits 0")
    void commandLine(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, RelayApp.run(new String[] {"--help"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--tunnel-listen"));
        assertEquals(2, RelayApp.run(new String[] {"--bogus", "x"}, o, e));
        assertEquals(2, RelayApp.run(new String[] {"--listen"}, o, e));
        Path accounts = dir.resolve("accounts");
        Files.writeString(accounts, "sales admin not-a-hash pbkdf2-sha256$1$AA==$AA==\n");
        assertEquals(2, RelayApp.run(new String[] {"--vpn-accounts", accounts.toString()}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(accounts + ":1:13: not a pbkdf2-sha256 hash"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("head-end accounts: both passwords must match; hashes are salted; unknown users are refused")
    void accounts() {
        String g = VpnAccounts.hash("grp");
        assertFalse(g.equals(VpnAccounts.hash("grp")), "a random salt per hash");
        VpnAccounts a = assertInstanceOf(VpnAccounts.Ok.class,
                VpnAccounts.parse(List.of("# comment", "", "sales admin " + g + " " + VpnAccounts.hash("pw")))).accounts();
        assertTrue(a.verify("sales", "admin", "grp", "pw"));
        assertFalse(a.verify("sales", "admin", "grp", "PW"));
        assertFalse(a.verify("sales", "admin", "GRP", "pw"));
        assertFalse(a.verify("support", "admin", "grp", "pw"));
        VpnAccounts.Error err = assertInstanceOf(VpnAccounts.Error.class, VpnAccounts.parse(List.of("sales admin")));
        assertEquals(1, err.line());
    }
}
