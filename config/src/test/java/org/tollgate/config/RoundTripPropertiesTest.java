package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Property tests (QuickTheories): parse(print(model)) == model; print(parse(text)) is stable")
class RoundTripPropertiesTest {

    @Test
    @DisplayName("for generated models, parsing the printed text gives the same model back")
    void parsePrintIsIdentity() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            GatewayConfig model = ModelGen.random(seed);
            String text = ConfigPrinter.print(model);
            ParseResult r = ConfigParser.parse("generated", text);
            ParseResult.Ok ok = assertInstanceOf(ParseResult.Ok.class, r, () -> text + "\n" + r);
            assertEquals(model, ok.config(), text);
        });
    }

    @Test
    @DisplayName("for generated texts (printed models with lines dropped, blocks shuffled, indentation removed),"
            + " printing the parsed result is stable")
    void printParseIsStable() {
        java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            String text = mangle(ConfigPrinter.print(ModelGen.random(seed)), new Random(seed));
            ParseResult r = ConfigParser.parse("mangled", text);
            if (r instanceof ParseResult.Ok ok) {
                parsed.incrementAndGet();
                String once = ConfigPrinter.print(ok.config());
                ParseResult again = ConfigParser.parse("printed", once);
                ParseResult.Ok ok2 = assertInstanceOf(ParseResult.Ok.class, again, () -> once + "\n" + again);
                assertEquals(once, ConfigPrinter.print(ok2.config()), text);
                assertEquals(ok.config(), ok2.config());
            }
        });
        org.junit.jupiter.api.Assertions.assertTrue(parsed.get() >= 30,
                "too few generated texts were valid to test anything: " + parsed.get());
    }

    /** Drops some lines, shuffles top-level blocks, and sometimes removes all indentation. */
    private static String mangle(String text, Random r) {
        List<List<String>> blocks = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.equals("end")) {
                continue;
            }
            if (!line.startsWith(" ") || blocks.isEmpty()) {
                blocks.add(new ArrayList<>());
            }
            if (r.nextInt(30) != 0) {
                blocks.getLast().add(line);
            }
        }
        java.util.Collections.shuffle(blocks, r);
        boolean flat = r.nextInt(4) == 0;
        StringBuilder out = new StringBuilder();
        for (List<String> b : blocks) {
            for (String l : b) {
                out.append(flat ? l.strip() : l).append('\n');
            }
        }
        return out.toString();
    }
}
