package org.tollgate.config.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Secrets: IOS type 7 codec, type 5/8/9 hashes, constant-time matching, nothing leaks in toString")
class SecretsTest {

    @Test
    @DisplayName("type 7 of 'cisco' with salt 02 is 02050D480809 (public IOS vector); other salts decode too")
    void type7KnownVectors() {
        assertEquals("02050D480809", Type7.encode("cisco", 2));
        assertEquals(Optional.of("cisco"), Type7.decode("02050D480809"));
        assertEquals(Optional.of("cisco"), Type7.decode("070C285F4D06"));
        assertEquals(Optional.of("cisco"), Type7.decode("094F471A1A0A"));
    }

    @Test
    @DisplayName("type 7 rejects malformed input instead of guessing")
    void type7Malformed() {
        assertEquals(Optional.empty(), Type7.decode("2"));
        assertEquals(Optional.empty(), Type7.decode("020"));
        assertEquals(Optional.empty(), Type7.decode("99050D480809"));
        assertEquals(Optional.empty(), Type7.decode("02ZZ"));
    }

    @Test
    @DisplayName("type 7 decode(encode(x, salt)) == x for any 8-bit text and salt 0..15")
    void type7RoundTrip() {
        qt().forAll(strings().betweenCodePoints(1, 255).ofLengthBetween(0, 40), integers().between(0, 15))
                .checkAssert((s, salt) -> assertEquals(Optional.of(s), Type7.decode(Type7.encode(s, salt))));
    }

    @Test
    @DisplayName("type 5 (md5-crypt): the examples' enable secrets verify against their documented clear texts")
    void type5Examples() {
        HashedSecret cme = HashedSecret.parse(5, "$1$Xy7q$jpARLVhTbSawtlEvu3sqS.").orElseThrow();
        assertTrue(cme.matches("cme-enable"));
        assertFalse(cme.matches("cme-enablf"));
        HashedSecret maui = HashedSecret.parse(5, "$1$mERr$qLnyrX5M.jko/q.g6KNvH1").orElseThrow();
        assertTrue(maui.matches("maui-enable"));
        assertFalse(maui.matches(""));
        assertFalse(maui.matches(null));
        assertTrue(HashedSecret.hashType5("abc").matches("abc"));
    }

    @Test
    @DisplayName("type 8 (PBKDF2-SHA256) and type 9 (scrypt) verify published IOS-format vectors")
    void type8And9Vectors() {
        // hashcat example hashes for modes 9200 (Cisco-IOS $8$) and 9300 (Cisco-IOS $9$), password "hashcat"
        HashedSecret t8 = HashedSecret.parse(8, "$8$TnGX/fE4KGHOVU$pEhnEvxrvaynpi8j4f.EMHr6M.FzU8xnZnBr/tJdFWk")
                .orElseThrow();
        assertTrue(t8.matches("hashcat"));
        assertFalse(t8.matches("hashcaT"));
        HashedSecret t9 = HashedSecret.parse(9, "$9$2MJBozw/9R3UsU$2lFhcKvpghcyw8deP25GOfyZaagyUOGBymkryvOdfo6")
                .orElseThrow();
        assertTrue(t9.matches("hashcat"));
        assertFalse(t9.matches("hashca"));
    }

    @Test
    @DisplayName("a clear enable secret is hashed (type 9, random salt) and only the hash is kept")
    void hashOnLoad() {
        HashedSecret a = HashedSecret.hashType9("s3cret");
        HashedSecret b = HashedSecret.hashType9("s3cret");
        assertTrue(a.matches("s3cret"));
        assertNotEquals(a.encoded(), b.encoded(), "fresh salt each time");
        assertFalse(a.encoded().contains("s3cret"));
        assertTrue(HashedSecret.hashType8("x").matches("x"));
        assertEquals(HashedSecret.hashType9("x", "abcdefghijklmn"), HashedSecret.hashType9("x", "abcdefghijklmn"));
    }

    @Test
    @DisplayName("malformed hashes are refused")
    void malformedHashes() {
        assertEquals(Optional.empty(), HashedSecret.parse(5, "$1$abc"));
        assertEquals(Optional.empty(), HashedSecret.parse(9, "$8$TnGX/fE4KGHOVU$pEhnEvxrvaynpi8j4f.EMHr6M.FzU8xnZnBr/tJdFWk"));
        assertEquals(Optional.empty(), HashedSecret.parse(7, "$1$mERr$qLnyrX5M.jko/q.g6KNvH1"));
    }

    @Test
    @DisplayName("toString never reveals a password or hash; passwords compare by clear text")
    void noLeaks() {
        Password p = Password.ofClear("topsecret");
        assertFalse(p.toString().contains("topsecret"));
        HashedSecret h = HashedSecret.hashType5("topsecret");
        assertFalse(h.toString().contains(h.encoded()));
        assertEquals(Password.ofClear("topsecret"), p);
        assertEquals(p.hashCode(), Password.ofClear("topsecret").hashCode());
        assertTrue(p.matches("topsecret"));
        assertFalse(p.matches("topsecreT"));
        assertEquals(Optional.of("topsecret"), Type7.decode(p.type7()));
    }
}
