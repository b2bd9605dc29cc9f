package org.tollgate.config.cli;

/**
 * A module's contribution to the EXEC command tree: its {@code show}, {@code test}, {@code clear}
 * and {@code debug} commands. The gateway collects every contribution once at start-up and builds
 * one immutable {@link CommandTree} from them.
 *
 * <pre>{@code
 * public final class LpcorCommands implements CliContribution {
 *     public void register(CommandRegistry r) {
 *         r.command("show voice lpcor policy", "Show running system information",
 *                   "Voice configuration", "LPCOR information", "LPCOR policies")
 *          .optional(Arg.word("NAME", "Policy name"))
 *          .privilege(1)
 *          .handler(ctx -> ctx.out().println(...));
 *         r.debugCategory("voice lpcor", "Voice", "LPCOR decisions");
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CliContribution {
    void register(CommandRegistry r);
}
