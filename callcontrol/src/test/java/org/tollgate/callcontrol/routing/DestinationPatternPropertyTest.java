package org.tollgate.callcontrol.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * IOS pattern matching against an independent reference: a backtracking matcher over the pattern's
 * elements (digit set + repeat mark), written without regular expressions.
 */
class DestinationPatternPropertyTest {
    static final String DIGITS = DestinationPattern.ALPHABET;

    /** One element: the digits it accepts and its repeat mark (' ', '?', '+', '%', or 'T'). */
    record Element(String set, char repeat, String text) {
    }

    record Case(String pattern, List<Element> elements, String dialled) {
    }

    static Case generate(long seed) {
        Random r = new Random(seed);
        List<Element> els = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            String set;
            String t;
            switch (r.nextInt(4)) {
                case 0, 1 -> {
                    char d = "0123456789*#".charAt(r.nextInt(12));
                    set = String.valueOf(d);
                    t = set;
                }
                case 2 -> {
                    set = DIGITS;
                    t = ".";
                }
                default -> {
                    int lo = r.nextInt(10);
                    int hi = lo + r.nextInt(10 - lo);
                    boolean neg = r.nextBoolean();
                    StringBuilder s = new StringBuilder();
                    for (char c : DIGITS.toCharArray()) {
                        boolean in = c >= '0' && c <= '9' && c - '0' >= lo && c - '0' <= hi;
                        if (in != neg) {
                            s.append(c);
                        }
                    }
                    set = s.toString();
                    t = "[" + (neg ? "^" : "") + lo + "-" + hi + "]";
                }
            }
            char rep = " ?+% ".charAt(r.nextInt(5));
            if (i == 0 && rep == '+' && t.equals("+")) {
                rep = ' ';
            }
            els.add(new Element(set, rep, t));
            text.append(t).append(rep == ' ' ? "" : String.valueOf(rep));
        }
        if (r.nextInt(4) == 0) {
            els.add(new Element(DIGITS, 'T', "T"));
            text.append('T');
        }
        // a dialled string: a sample of the pattern, sometimes mutated
        StringBuilder d = new StringBuilder();
        for (Element e : els) {
            int times = switch (e.repeat()) {
                case '?' -> r.nextInt(2);
                case '+' -> 1 + r.nextInt(3);
                case '%', 'T' -> r.nextInt(3);
                default -> 1;
            };
            for (int k = 0; k < times; k++) {
                d.append(e.set().charAt(r.nextInt(e.set().length())));
            }
        }
        if (r.nextBoolean() && !d.isEmpty()) {
            int pos = r.nextInt(d.length());
            switch (r.nextInt(3)) {
                case 0 -> d.setCharAt(pos, DIGITS.charAt(r.nextInt(DIGITS.length())));
                case 1 -> d.deleteCharAt(pos);
                default -> d.insert(pos, DIGITS.charAt(r.nextInt(DIGITS.length())));
            }
        }
        return new Case(text.toString(), els, d.toString());
    }

    /** Reference: can {@code els[i..]} match exactly {@code s[j..]}? */
    static boolean ref(List<Element> els, int i, String s, int j) {
        if (i == els.size()) {
            return j == s.length();
        }
        Element e = els.get(i);
        int min = switch (e.repeat()) {
            case '+' -> 1;
            case '?', '%', 'T' -> 0;
            default -> 1;
        };
        int max = switch (e.repeat()) {
            case '?', ' ' -> 1;
            case 'T' -> DestinationPattern.MAX_VARIABLE_DIGITS;
            default -> Integer.MAX_VALUE;
        };
        int k = 0;
        while (true) {
            if (k >= min && ref(els, i + 1, s, j + k)) {
                return true;
            }
            if (k >= max || j + k >= s.length() || e.set().indexOf(s.charAt(j + k)) < 0) {
                return false;
            }
            k++;
        }
    }

    static Gen<Case> cases() {
        return SourceDSL.longs().all().map(DestinationPatternPropertyTest::generate);
    }

    @Test
    @DisplayName("complete-number matching equals a backtracking reference over generated IOS patterns")
    void completeMatchEqualsReference() {
        qt().withExamples(3000).forAll(cases()).checkAssert(c -> {
            DestinationPattern p = DestinationPattern.of(c.pattern());
            assertEquals(ref(c.elements(), 0, c.dialled(), 0), p.matchesComplete(c.dialled()),
                    c.pattern() + " ~ " + c.dialled());
        });
    }

    @Test
    @DisplayName("while collecting, NONE is final: no continuation of a NONE prefix matches (sampled)")
    void noneIsFinal() {
        qt().withExamples(1000).forAll(cases()).checkAssert(c -> {
            DestinationPattern p = DestinationPattern.of(c.pattern());
            if (p.match(c.dialled()) == DestinationPattern.Match.NONE) {
                Random r = new Random(c.dialled().hashCode());
                for (int k = 0; k < 20; k++) {
                    StringBuilder more = new StringBuilder(c.dialled());
                    int extra = 1 + r.nextInt(4);
                    for (int m = 0; m < extra; m++) {
                        more.append(DIGITS.charAt(r.nextInt(DIGITS.length())));
                    }
                    assertNotEquals(true, ref(c.elements(), 0, more.toString(), 0), c.pattern() + " ~ " + more);
                }
            }
        });
    }
}
