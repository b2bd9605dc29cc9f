package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Parser robustness (QuickTheories): any input gives a value, never an exception")
class RobustnessPropertiesTest {
    private static final List<String> LINES = load();
    private static final String JUNK = " \t\"!\\^/:.,0123456789abcxyz-#*$[]()";

    private static List<String> load() {
        try (InputStream in = RobustnessPropertiesTest.class.getResourceAsStream("/all-commands.cfg")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mutate(String line, Random r) {
        StringBuilder s = new StringBuilder(line);
        int edits = r.nextInt(4);
        for (int i = 0; i < edits && !s.isEmpty(); i++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, JUNK.charAt(r.nextInt(JUNK.length())));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    @Test
    @DisplayName("mutated configuration lines: parse returns Ok (which prints back to itself) or Failed with positions inside the text")
    void mutatedTextsNeverThrow() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            StringBuilder text = new StringBuilder();
            int n = 1 + r.nextInt(30);
            for (int i = 0; i < n; i++) {
                text.append(mutate(LINES.get(r.nextInt(LINES.size())), r)).append('\n');
            }
            String t = text.toString();
            ParseResult result = ConfigParser.parse("fuzz", t);
            if (result instanceof ParseResult.Ok ok) {
                String printed = ConfigPrinter.print(ok.config());
                ParseResult again = ConfigParser.parse("printed", printed);
                assertTrue(again instanceof ParseResult.Ok o2 && o2.config().equals(ok.config()),
                        () -> t + "\n--- printed:\n" + printed + "\n--- " + again);
            }
            if (result instanceof ParseResult.Failed f) {
                int lines = t.split("\n", -1).length;
                for (ConfigError e : f.errors()) {
                    assertTrue(e.line() >= 1 && e.line() <= lines, e::format);
                    assertTrue(e.column() >= 1, e::format);
                    assertNotNull(e.format());
                }
            }
        });
    }

    @Test
    @DisplayName("mutated lines typed interactively: every line is accepted, rejected or ends; ? help never fails")
    void sessionNeverThrows() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            ConfigSession s = ConfigSession.begin(GatewayConfig.empty());
            for (int i = 0; i < 20; i++) {
                String line = mutate(LINES.get(r.nextInt(LINES.size())), r);
                assertNotNull(s.completions(line.substring(0, r.nextInt(line.length() + 1))));
                LineOutcome o = s.enter(line);
                if (o instanceof LineOutcome.Ended) {
                    s = ConfigSession.begin(s.current());
                }
            }
            assertTrue(s.finish() instanceof ParseResult.Ok, "rejected lines never fail an interactive session");
            GatewayConfig c = ((ParseResult.Ok) s.finish()).config();
            assertEquals(c, ((ParseResult.Ok) ConfigParser.parse("again", ConfigPrinter.print(c))).config());
        });
    }
}
