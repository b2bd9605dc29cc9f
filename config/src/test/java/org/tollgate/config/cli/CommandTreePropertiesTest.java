package org.tollgate.config.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandTreePropertiesTest {

    private static CommandTree treeOf(List<String> words) {
        CommandRegistry r = new CommandRegistry();
        for (String w : words) {
            r.command("show " + w, "Show", "help " + w).handler(ctx -> ctx.out().print(w));
        }
        return r.build();
    }

    @Test
    @DisplayName("every prefix resolves IOS style: the exact word or a unique prefix selects it, a shared prefix is ambiguous")
    void prefixesResolveUniquelyOrAmbiguously() {
        qt().forAll(lists().of(strings().betweenCodePoints('a', 'c').ofLengthBetween(1, 4)).ofSizeBetween(1, 6),
                        integers().between(1, 4))
                .checkAssert((raw, cut) -> {
                    List<String> words = raw.stream().distinct().toList();
                    CommandTree tree = treeOf(words);
                    for (String w : words) {
                        String prefix = w.substring(0, Math.min(cut, w.length()));
                        long sharing = words.stream().filter(o -> o.startsWith(prefix)).count();
                        boolean exact = words.contains(prefix);
                        LineMatch m = tree.match("show " + prefix, 1);
                        if (exact || sharing == 1) {
                            String expected = exact ? prefix : w;
                            assertEquals("show " + expected,
                                    assertInstanceOf(LineMatch.Matched.class, m, () -> prefix + " in " + words)
                                            .command().syntax());
                        } else {
                            assertInstanceOf(LineMatch.Ambiguous.class, m, () -> prefix + " in " + words);
                        }
                    }
                });
    }

    @Test
    @DisplayName("the caret column of an extra word is where that word starts, whatever the spacing")
    void caretColumnOfExtraWord() {
        qt().forAll(integers().between(1, 5), integers().between(1, 5), integers().between(0, 3))
                .checkAssert((gap1, gap2, lead) -> {
                    CommandTree tree = treeOf(List.of("version"));
                    String line = " ".repeat(lead) + "show" + " ".repeat(gap1) + "ver" + " ".repeat(gap2) + "extra";
                    LineMatch.Invalid inv = assertInstanceOf(LineMatch.Invalid.class, tree.match(line, 1));
                    assertEquals(line.indexOf("extra"), inv.column());
                });
    }
}
