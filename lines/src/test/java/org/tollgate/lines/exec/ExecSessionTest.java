package org.tollgate.lines.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExecSessionTest {
    private final ExecFixture f = new ExecFixture();

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    @DisplayName("login local: User Access Verification, Username/Password (password not echoed), privilege 15 lands in #")
    void loginLocalPrivileged() {
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Local(), "admin\rtollgate-admin\rexit\r");
        String out = t.text();
        assertTrue(out.startsWith("\r\n\r\nUser Access Verification\r\n\r\nUsername: admin\r\nPassword: \r\n"), out);
        assertFalse(out.contains("tollgate-admin"), "password echoed");
        assertTrue(out.contains("cme-fac#exit"), out);
        assertTrue(t.closed);
        assertTrue(f.lines.lines().isEmpty(), "line released");
    }

    @Test
    @DisplayName("a privilege 1 user lands in user EXEC (host>) and enable asks the enable secret")
    void userExecThenEnable() {
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Local(), "op\rop-pw\renable\rcme-enable\rexit\r");
        String out = t.text();
        assertTrue(out.contains("cme-fac>enable\r\nPassword: \r\ncme-fac#exit"), out);
        assertFalse(out.contains("cme-enable"));
    }

    @Test
    @DisplayName("wrong credentials: % Login invalid, and the connection closes after three tries")
    void loginInvalidThreeTimes() {
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Local(),
                "admin\rnope\rghost\rtollgate-admin\radmin\rwrong\rshow version\r");
        String out = t.text();
        assertEquals(3, count(out, "% Login invalid"), out);
        assertFalse(out.contains("cme-fac"), "no prompt after failed logins");
        assertTrue(t.closed);
    }

    @Test
    @DisplayName("line password login (login without local)")
    void linePassword() {
        ExecFixture.ScriptTerminal t = f.run(
                new LoginMode.LinePassword(org.tollgate.config.secret.Password.ofClear("linepw")), "bad\rlinepw\rexit\r");
        String out = t.text();
        assertTrue(out.contains("cme-fac>exit"), out);
    }

    @Test
    @DisplayName("'?' prints help at once without Enter and redisplays the line")
    void questionMarkImmediate() {
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Authenticated("admin"), "show ver?\r\rexit\r");
        String out = t.text();
        assertTrue(out.contains("cme-fac#show ver?\r\nversion\r\n\r\ncme-fac#show ver"), out);
        assertTrue(out.contains("tollgate Software, Version 0.1.0"), out);
    }

    @Test
    @DisplayName("Tab completes a unique keyword prefix")
    void tab() {
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Authenticated("admin"), "sh\tcl\t\rexit\r");
        String out = t.text();
        assertTrue(out.contains("show clock "), out);
        assertTrue(out.contains("*10:00:00.000 UTC Sat Nov 21 2026"), out);
    }

    @Test
    @DisplayName("editing keys: backspace/DEL, ^U erases the line, ^W the last word; up-arrow recalls history")
    void editing() {
        String keys = "show clockk\u007f\r" + "garbage\u0015" + "show bogus\u0017clock\r" + "\u001b[A\u001b[A\r" + "exit\r";
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Authenticated("admin"), keys);
        String out = t.text();
        assertEquals(3, count(out, "*10:00:00.000 UTC"), out);
        assertFalse(out.contains("% Invalid"), out);
    }

    @Test
    @DisplayName("invalid input is answered with the caret under the offending character")
    void caret() {
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Authenticated("admin"), "show clck\rexit\r");
        assertTrue(t.text().contains("cme-fac#show clck\r\n             ^\r\n% Invalid input detected at '^' marker.\r\n"),
                t.text());
    }

    @Test
    @DisplayName("paging: --More-- after a page; q stops")
    void paging() {
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Authenticated("admin"),
                "terminal length 3\rshow version\rqexit\r");
        String out = t.text();
        assertTrue(out.contains(" --More-- "), out);
        assertFalse(out.contains("Configuration file is"), out);
    }

    @Test
    @DisplayName("end of input ends the session and releases the line")
    void eof() {
        ExecFixture.ScriptTerminal t = f.run(new LoginMode.Authenticated("admin"), "show clock\r");
        assertTrue(t.closed);
        assertTrue(f.lines.lines().isEmpty());
    }
}
