package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz test of the configuration parser: for any text, {@link ConfigParser#parse} returns a
 * value (never throws), errors point inside the text, an accepted configuration prints back to
 * itself, and {@code ?} help on any line prefix answers.
 *
 * <p>In a normal build Jazzer runs in regression mode over the seed corpus in
 * {@code src/test/resources/org/tollgate/config/ConfigParserFuzzTestInputs/fuzzParse} (the examples and
 * {@code all-commands.cfg}). To fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -pl config test -Dtest=ConfigParserFuzzTest -Djazzer.max_duration=10m};
 * crashing inputs are written next to the seeds and become regression cases.
 */
class ConfigParserFuzzTest {

    @FuzzTest
    void fuzzParse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ParseResult r = ConfigParser.parse("fuzz", text);
        switch (r) {
            case ParseResult.Ok ok -> {
                String printed = ConfigPrinter.print(ok.config());
                ParseResult again = ConfigParser.parse("printed", printed);
                assertTrue(again instanceof ParseResult.Ok o2 && o2.config().equals(ok.config()), printed);
                assertEquals(printed, ConfigPrinter.print(((ParseResult.Ok) again).config()));
            }
            case ParseResult.Failed f -> {
                int lines = text.split("\n", -1).length;
                f.errors().forEach(e -> assertTrue(e.line() >= 1 && e.line() <= lines && e.column() >= 1, e::format));
            }
        }
        ConfigSession s = ConfigSession.begin(GatewayConfig.empty());
        for (String line : text.split("\n", 50)) {
            s.completions(line);
            s.enter(line);
        }
    }
}
