package org.tollgate.cdr.show;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.cdr.record.CallRecordFolder;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.config.cli.Arg;
import org.tollgate.config.cli.CliContribution;
import org.tollgate.config.cli.CommandContext;
import org.tollgate.config.cli.CommandRegistry;

/**
 * The CDR EXEC commands:
 * <ul>
 * <li>{@code show call active voice [brief]} — legs of calls in progress (never a released one);</li>
 * <li>{@code show call history voice [brief | last N]} — finished legs within the
 *     {@code dial-control-mib} limits;</li>
 * <li>{@code clear call voice causecode N} (privileged) — releases every active call with cause N;</li>
 * <li>{@code clear call voice id ID} (privileged) — releases call {@code ID} (the {@code CallID} of
 *     {@code show call active voice}) with cause 16.</li>
 * </ul>
 * {@code service} supplies the running CDR service or {@code null} ({@code % CDR service is not
 * running}); {@code boot} is the uptime origin; {@code clearing} releases calls.
 */
public final class CdrCommands implements CliContribution {
    private final Supplier<CdrService> service;
    private final Instant boot;
    private final CallClearing clearing;

    public CdrCommands(Supplier<CdrService> service, Instant boot, CallClearing clearing) {
        this.service = service;
        this.boot = boot;
        this.clearing = clearing;
    }

    @Override
    public void register(CommandRegistry r) {
        String[] active = {"Show running system information", "Show call information", "Active call table",
            "Voice call legs"};
        String[] history = {"Show running system information", "Show call information", "Call history table",
            "Voice call legs"};
        r.command("show call active voice", active)
                .optional(Arg.keyword("brief", "Brief output"))
                .handler(ctx -> live(ctx).ifPresent(s -> ctx.out().print(CallShow.active(s.folder().activeCalls(),
                        boot, ctx.environment().clock().instant(), ctx.args().has("brief")))));
        r.command("show call history voice", history)
                .optional(Arg.keyword("brief", "Brief output"))
                .handler(ctx -> showHistory(ctx, ctx.args().has("brief"), Optional.empty()));
        r.command("show call history voice", history)
                .arg(Arg.keyword("last", "Last N legs"), Arg.number("N", 1, 1200, "Number of call legs"))
                .handler(ctx -> showHistory(ctx, false, Optional.of((int) ctx.args().number("N"))));
        String[] clear = {"Reset functions", "Clear calls", "Voice calls"};
        r.command("clear call voice causecode", clear).privilege(15)
                .arg(Arg.number("CAUSE", 1, 127, "Q.850 disconnect cause"))
                .handler(ctx -> clearAll(ctx, Q850Cause.of((int) ctx.args().number("CAUSE"))));
        r.command("clear call voice id", clear).privilege(15)
                .arg(Arg.number("ID", 1, 999_999_999_999L, "Call ID (CallID of show call active voice)"))
                .handler(ctx -> clearOne(ctx, ctx.args().number("ID")));
    }

    private void showHistory(CommandContext ctx, boolean brief, Optional<Integer> last) {
        live(ctx).ifPresent(s -> {
            try {
                ctx.out().print(CallShow.history(s.history(), boot, ctx.environment().clock().instant(), brief, last));
            } catch (SQLException e) {
                ctx.out().print("% Call history is not available: " + e.getMessage() + "\n");
            }
        });
    }

    private void clearAll(CommandContext ctx, Q850Cause cause) {
        live(ctx).ifPresent(s -> {
            int n = 0;
            for (CallRecordFolder.ActiveCall c : s.folder().activeCalls()) {
                if (clearing.clear(c.ref(), cause)) {
                    n++;
                }
            }
            ctx.out().print(n + " call(s) cleared with cause " + cause.describe() + "\n");
        });
    }

    private void clearOne(CommandContext ctx, long id) {
        live(ctx).ifPresent(s -> {
            if (clearing.clear(new CallRef(id), Q850Cause.NORMAL_CALL_CLEARING)) {
                ctx.out().print("Call " + id + " cleared\n");
            } else {
                ctx.out().print("% No active call with id " + id + "\n");
            }
        });
    }

    private Optional<CdrService> live(CommandContext ctx) {
        CdrService s = service.get();
        if (s == null) {
            ctx.out().print("% CDR service is not running\n");
        }
        return Optional.ofNullable(s);
    }
}
