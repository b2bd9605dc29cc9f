package org.tollgate.config.internal;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.tollgate.config.lpcor.LpcorMembership;
import org.tollgate.config.secret.Password;
import org.tollgate.config.secret.Type7;

/** Argument readers shared by several modes. */
final class Common {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,64}");
    static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");
    static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    static final Pattern PORT_ID = Pattern.compile("\\d{1,3}/\\d{1,3}(/\\d{1,3})?");
    static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}");
    /** E.164-ish digit pattern with IOS wildcards. */
    static final Pattern DIAL_PATTERN = Pattern.compile("[0-9A-Da-d*#.+T\\[\\]^$,%-]{1,64}");

    private Common() {
    }

    /** Reads a word matching {@code p}. */
    static String word(Args a, Pattern p, String help, String what) {
        String w = a.word(help);
        if (!p.matcher(w).matches()) {
            throw a.fail(Args.invalidValue(w, what));
        }
        return w;
    }

    /** A name (no spaces, at most 64 characters). */
    static String name(Args a, String help) {
        return word(a, NAME, help, "name");
    }

    /** {@code no X [anything]}: consumes the rest; otherwise reads one word and ends. */
    static Optional<String> wordOrClear(Args a, Pattern p, String help, String what) {
        if (a.negated()) {
            a.remainingWords(help);
            return Optional.empty();
        }
        String w = word(a, p, help, what);
        a.end();
        return Optional.of(w);
    }

    /** {@code no X [anything]} clears; otherwise the rest of the line (free text). */
    static Optional<String> textOrClear(Args a, String help) {
        if (a.negated()) {
            a.remainingWords(help);
            return Optional.empty();
        }
        return Optional.of(a.rest(help).replaceAll("\\s+", " "));
    }

    /** {@code no X [N]} clears; otherwise an integer in range and the end. */
    static OptionalInt intOrClear(Args a, int min, int max, String help) {
        if (a.negated()) {
            a.remainingWords(help);
            return OptionalInt.empty();
        }
        int v = a.integer(min, max, help);
        a.end();
        return OptionalInt.of(v);
    }

    /** A flag command: true, or false for the {@code no} form. */
    static boolean flag(Args a) {
        a.end();
        return !a.negated();
    }

    /** An IPv4 address. */
    static String ipv4(Args a, String help) {
        String w = a.next("A.B.C.D", help).text();
        if (!IPV4.matcher(w).matches()) {
            throw a.fail(Args.invalidValue(w, "IPv4 address"));
        }
        return w;
    }

    /** An IPv4 address or host name. */
    static String host(Args a, String help) {
        String w = a.next("Hostname or A.B.C.D", help).text();
        if (!IPV4.matcher(w).matches() && !HOST.matcher(w).matches()) {
            throw a.fail(Args.invalidValue(w, "host"));
        }
        return w;
    }

    /**
     * {@code [0|7] X}: a password, clear (type 0, the rest of the line) or IOS type 7 (one hex word).
     * Without a type the text is clear.
     */
    static Password password(Args a, String help) {
        Token t = a.next("<0-7>|LINE", help);
        if (!t.quoted() && (t.text().equals("0") || t.text().equals("7")) && a.moreRaw()) {
            if (t.text().equals("7")) {
                String enc = a.word("The encrypted (type 7) password");
                a.end();
                return checked(a, Type7.decode(enc).orElseThrow(
                        () -> a.fail("% Invalid encrypted password (type 7)")));
            }
            return checked(a, a.rest(help));
        }
        return checked(a, a.moreRaw() ? t.text() + " " + a.rest(help) : t.text());
    }

    /**
     * IOS passwords are non-empty printable ASCII without leading or trailing spaces (so that they print
     * back as type 0 or 7); also checked for decoded type 7 input.
     */
    private static Password checked(Args a, String clear) {
        if (clear.isEmpty() || clear.strip().length() != clear.length()
                || !clear.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F)) {
            throw a.fail("% Invalid password: printable ASCII characters only, not empty");
        }
        return Password.ofClear(clear);
    }

    /** Handles {@code lpcor incoming|outgoing G} (and its {@code no} form) on a membership. */
    static LpcorMembership lpcorMembership(Args a, LpcorMembership m) {
        String dir = a.keyword("incoming", "outgoing");
        Optional<String> group;
        if (a.negated()) {
            a.remainingWords("LPCOR resource group name");
            group = Optional.empty();
        } else {
            group = Optional.of(name(a, "LPCOR resource group name"));
            a.ref("lpcor", group.get());
            a.end();
        }
        return dir.equals("incoming") ? m.withIncoming(group) : m.withOutgoing(group);
    }
}
