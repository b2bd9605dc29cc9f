/**
 * IOS chat scripts ({@code chat-script NAME ...}).
 *
 * <p>Lifecycle: the configuration keeps the script text verbatim; {@link org.tollgate.lines.chat.ChatScriptParser}
 * turns it into a {@link org.tollgate.lines.chat.ChatScript} (or an error with its column);
 * {@link org.tollgate.lines.chat.ChatRunner} runs it over a {@link org.tollgate.lines.chat.ChatPort}, feeding the
 * pure {@link org.tollgate.lines.chat.ChatMachine} with input, timer and pause events, and completes with a sealed
 * {@link org.tollgate.lines.chat.ChatResult}. Every step is reported as an IOS {@code debug chat} line.
 */
package org.tollgate.lines.chat;
