package org.tollgate.gateway.sip.b2bua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Optional;
import javax.sip.message.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code Replaces} (RFC 3891) and {@code Target-Dialog} (RFC 4538) values as the B2BUA reads them. */
class DialogReferenceHeadersTest {
    @Test
    @DisplayName("RFC 3891 3: Replaces is call-id;to-tag;from-tag[;early-only], parameters in any order, names case-insensitive")
    void replacesParsed() {
        assertEquals(Optional.of(new Replaces.Value("98732@sip.example.com", "r33th4x0r", "ff87ff", false)),
                Replaces.parse(" 98732@sip.example.com;from-tag=ff87ff;To-Tag=r33th4x0r"));
        assertTrue(Replaces.parse("abc;to-tag=1;from-tag=2;early-only").orElseThrow().earlyOnly());
    }

    @Test
    @DisplayName("Replaces without a Call-ID or either tag is malformed: the INVITE is answered 400")
    void replacesMalformed() {
        assertEquals(Optional.empty(), Replaces.parse("abc;to-tag=1"));
        assertEquals(Optional.empty(), Replaces.parse(";to-tag=1;from-tag=2"));
        Replaces.Match m = Replaces.match(Optional.empty(), id -> Optional.empty());
        assertEquals(Response.BAD_REQUEST, ((Replaces.Match.Refuse) m).status());
    }

    @Test
    @DisplayName("RFC 3891 3: a Replaces naming no dialog of the gateway is answered 481")
    void replacesNoDialog() {
        Replaces.Match m = Replaces.match(Replaces.parse("x;to-tag=1;from-tag=2"), id -> Optional.empty());
        assertEquals(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, ((Replaces.Match.Refuse) m).status());
    }

    @Test
    @DisplayName("RFC 4538 7: Target-Dialog is call-id;local-tag;remote-tag")
    void targetDialogParsed() {
        assertEquals(Optional.of(new TargetDialog("c1@h", "a", "b")),
                TargetDialog.parse("c1@h;remote-tag=b;local-tag=a"));
        assertEquals(Optional.empty(), TargetDialog.parse("c1@h;local-tag=a"));
    }

    @Test
    @DisplayName("Parsing any text never throws (QuickTheories)")
    void neverThrows() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(t -> {
            Replaces.parse(t);
            TargetDialog.parse(t);
        });
    }
}
