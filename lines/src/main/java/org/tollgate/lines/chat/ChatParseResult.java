package org.tollgate.lines.chat;

/** The outcome of parsing a chat script: the script, or the first error with its column. */
public sealed interface ChatParseResult {

    record Ok(ChatScript script) implements ChatParseResult {
    }

    /**
     * @param column  1-based column in the script text
     * @param message what is wrong
     */
    record Failed(String scriptName, int column, String message) implements ChatParseResult {
        /** {@code chat-script NAME: column C: message}. */
        public String format() {
            return "chat-script " + scriptName + ": column " + column + ": " + message;
        }
    }
}
