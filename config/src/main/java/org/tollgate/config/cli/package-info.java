/**
 * The IOS command-line framework, shared by every module.
 *
 * <pre>
 *   modules ──CliContribution.register(CommandRegistry)──▶ CommandRegistry ──build()──▶ CommandTree (immutable)
 *   BuiltinCommands registered last (its debug commands come from the declared categories)
 *
 *   transport (telnet/SSH/console/modem) ──line──▶ CliSession.execute
 *        CliSession: EXEC mode ── CommandTree.match ──▶ handler(CommandContext) ──▶ output ──▶ Pager
 *                    configure terminal ──▶ ConfigSession.enter per line ── end/^Z/exit ──▶ finish()
 *                                             └──▶ ConfigHolder.apply(new snapshot) ──▶ observers
 *   modules ──DebugBus.emit(category, text)──▶ sessions with that category enabled and terminal monitor on
 * </pre>
 *
 * <p>Transports implement {@link org.tollgate.config.cli.CliTerminal}; the running gateway supplies a
 * {@link org.tollgate.config.cli.CliEnvironment}.
 */
package org.tollgate.config.cli;
