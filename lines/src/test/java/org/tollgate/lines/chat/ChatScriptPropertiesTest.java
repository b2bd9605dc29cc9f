package org.tollgate.lines.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChatScriptPropertiesTest {

    @Test
    @DisplayName("property: any text parses to a value (script or error with a column inside the text), never an exception")
    void parserIsTotal() {
        qt().forAll(strings().ascii().ofLengthBetween(0, 120)).checkAssert(text -> {
            ChatParseResult r = ChatScriptParser.parse("p", text);
            assertNotNull(r);
            if (r instanceof ChatParseResult.Failed f) {
                assertTrue(f.column() >= 1 && f.column() <= text.length() + 1, f.toString());
            }
        });
    }

    @Test
    @DisplayName("property: quoted plain words alternate expect and send, each send ending with CR")
    void plainWordsAlternate() {
        qt().forAll(lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8)).ofSizeBetween(0, 10))
                .checkAssert(words -> {
                    StringBuilder text = new StringBuilder();
                    for (String w : words) {
                        text.append('"').append(w).append("\" ");
                    }
                    ChatScript s = ((ChatParseResult.Ok) ChatScriptParser.parse("p", text.toString())).script();
                    assertEquals(words.size(), s.steps().size());
                    for (int i = 0; i < words.size(); i++) {
                        ChatStep step = s.steps().get(i);
                        if (i % 2 == 0) {
                            assertEquals(new ChatStep.Expect(words.get(i), words.get(i), List.of()), step);
                        } else {
                            assertEquals(new ChatStep.Send(List.of(new ChatStep.SendPart.Text(words.get(i))), true,
                                    words.get(i)), step);
                        }
                    }
                });
    }
}
