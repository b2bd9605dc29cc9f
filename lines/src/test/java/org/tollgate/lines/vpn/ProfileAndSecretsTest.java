package org.tollgate.lines.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileAndSecretsTest {
    @Test
    @DisplayName(".pcf: keys are case-insensitive in [main]; set/remove keep other lines and sections")
    void pcfEditing() {
        PcfProfile p = assertInstanceOf(PcfProfile.Ok.class, PcfProfile.parse(List.of("; comment", "[main]",
                "host=vpn.example", "GroupPwd=secret", "", "[other]", "Host=not-this"))).profile();
        assertEquals(Optional.of("vpn.example"), p.get("Host"));
        p.remove("GroupPwd");
        p.set("enc_GroupPwd", "abcd");
        p.set("Host", "new.example");
        assertEquals(List.of("; comment", "[main]", "Host=new.example", "enc_GroupPwd=abcd", "", "[other]", "Host=not-this"),
                p.lines());
    }

    @Test
    @DisplayName(".pcf: errors are values with line and column; [main] is required")
    void pcfErrors() {
        PcfProfile.Error e = assertInstanceOf(PcfProfile.Error.class, PcfProfile.parse(List.of("[main]", "  novalue")));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertInstanceOf(PcfProfile.Error.class, PcfProfile.parse(List.of("[other]", "a=b")));
        assertInstanceOf(PcfProfile.Error.class, PcfProfile.parse(List.of("[main")));
    }

    @Test
    @DisplayName("saved passwords: AES-GCM round trip, fresh IV per value, bound to the key name, tampering detected")
    void secretBox(@TempDir Path dir) throws Exception {
        SecretBox box = SecretBox.open(dir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SecretBox.KEY_FILE))));
        qt().withExamples(30).forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 40)).checkAssert(pw -> {
            String enc = box.encrypt("enc_UserPassword", pw);
            assertEquals(Optional.of(pw), box.decrypt("enc_UserPassword", enc));
            assertNotEquals(enc, box.encrypt("enc_UserPassword", pw), "a fresh IV each time");
            assertEquals(Optional.empty(), box.decrypt("enc_GroupPwd", enc), "bound to its key name");
        });
        String enc = box.encrypt("enc_GroupPwd", "grp");
        char flipped = enc.charAt(30) == '0' ? '1' : '0';
        assertEquals(Optional.empty(), box.decrypt("enc_GroupPwd", enc.substring(0, 30) + flipped + enc.substring(31)));
        assertEquals(Optional.empty(), box.decrypt("enc_GroupPwd", "not hex"));
        assertEquals(Optional.of("grp"), SecretBox.open(dir).decrypt("enc_GroupPwd", enc), "the key persists");
        assertTrue(!enc.contains("grp"));
    }
}
