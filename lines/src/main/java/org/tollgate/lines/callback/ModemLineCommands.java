package org.tollgate.lines.callback;

import java.io.PrintWriter;
import java.util.List;
import org.tollgate.config.cli.Arg;
import org.tollgate.config.cli.CliContribution;
import org.tollgate.config.cli.CommandRegistry;

/**
 * The modem-line commands for the operator CLI: {@code show line} (the modem lines), {@code clear line N}
 * (privileged) and the debug categories {@code modem}, {@code callback}, {@code chat}. Register before the
 * built-ins (they generate {@code debug ...} from the declared categories).
 */
public final class ModemLineCommands implements CliContribution {

    private final ModemLineService service;

    public ModemLineCommands(ModemLineService service) {
        this.service = service;
    }

    @Override
    public void register(CommandRegistry r) {
        r.command("show line", "Show running system information", "TTY line information")
                .optional(Arg.number("LINE", 0, 1000, "First line number"))
                .handler(ctx -> {
                    List<ModemLineStatus> lines = ctx.args().has("LINE")
                            ? service.status((int) ctx.args().number("LINE")).stream().toList()
                            : service.status();
                    if (ctx.args().has("LINE") && lines.isEmpty()) {
                        ctx.out().println("% Line " + ctx.args().number("LINE") + " is not a modem line");
                        return;
                    }
                    print(ctx.out(), lines);
                });
        r.command("clear line", "Reset functions", "Reset a terminal line")
                .arg(Arg.number("LINE", 0, 1000, "Line number"))
                .privilege(15)
                .handler(ctx -> {
                    int n = (int) ctx.args().number("LINE");
                    ctx.out().println(service.clear(n) ? "[confirm] [OK]" : "% Line " + n + " is not a modem line");
                });
        r.command("start-chat", "Start a chat-script on a line")
                .arg(Arg.word("REGEXP", "Chat script name (regular expression)"))
                .optional(Arg.number("LINE", 0, 1000, "Line number"))
                .optional(Arg.word("DIALSTRING", "Dialer string (\\T)"))
                .privilege(15)
                .handler(ctx -> {
                    int line = ctx.args().has("LINE") ? (int) ctx.args().number("LINE") : -1;
                    String dial = ctx.args().get("DIALSTRING").orElse("");
                    ctx.out().println(switch (service.startChat(ctx.args().text("REGEXP"), line, dial)) {
                        case ModemLineService.StartChat.Started st -> "Chat script " + st.script() + " on line "
                                + st.line() + " finished, status = " + st.result().join().statusText();
                        case ModemLineService.StartChat.NoSuchScript n -> "% No chat script matches " + n.regexp();
                        case ModemLineService.StartChat.NoSuchLine n -> "% No modem line " + n.line();
                        case ModemLineService.StartChat.LineBusy b -> "% Line " + b.line() + " is in use";
                        case ModemLineService.StartChat.BadScript b -> "% " + b.message();
                    });
                });
        r.debugCategory("modem", "Modem control/process activation");
        r.debugCategory("callback", "Callback activity");
        r.debugCategory("chat", "Chat scripts activity");
    }

    /** The {@code show line} table (IOS columns Tty, Typ, Tx/Rx, Modem, plus the line state and counters). */
    public static void print(PrintWriter out, List<ModemLineStatus> lines) {
        out.println("   Tty Typ     Tx/Rx    Modem  State      User         Calls  Callbacks  Failed  BadLogin");
        for (ModemLineStatus s : lines) {
            out.printf("%6d %-4s %9s  %-5s  %-9s  %-12s %5d  %9d  %6d  %8d%n", s.number(),
                    s.name().startsWith("aux") ? "AUX" : "TTY", s.speed() + "/" + s.speed(), "inout",
                    s.state(), s.user().orElse("-"), s.calls(), s.callbacks(), s.failedCallbacks(),
                    s.loginFailures());
        }
    }
}
