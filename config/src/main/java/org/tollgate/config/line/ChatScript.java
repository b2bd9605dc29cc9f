package org.tollgate.config.line;

/**
 * {@code chat-script NAME SCRIPT}: an expect/send modem dialogue, kept verbatim (quotes and
 * backslash escapes such as {@code \T} and {@code \c} included); the {@code lines} module tokenises it.
 *
 * @param name script name
 * @param script the text after the name, exactly as written (trimmed)
 */
public record ChatScript(String name, String script) {
}
