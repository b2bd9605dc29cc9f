package org.tollgate.config.cli;

/** What a command does once its line parsed; writes its output to {@link CommandContext#out()}. */
@FunctionalInterface
public interface CommandHandler {
    void handle(CommandContext ctx);
}
