package org.tollgate.callcontrol.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.adapter.GatewayConfigAdapter;
import org.tollgate.callcontrol.show.DialPeerShow;
import org.tollgate.callcontrol.show.LpcorShow;
import org.tollgate.callcontrol.show.VoicePortShow;
import org.tollgate.config.cli.Arg;
import org.tollgate.config.cli.CliContribution;
import org.tollgate.config.cli.CommandContext;
import org.tollgate.config.cli.CommandRegistry;

/**
 * Call control's EXEC commands:
 * <ul>
 * <li>{@code show voice lpcor policy [NAME]}, {@code show voice lpcor custom} — from the running
 *     configuration snapshot (work even when call control is not running);</li>
 * <li>{@code show dial-peer voice summary} — from the running configuration;</li>
 * <li>{@code show voice port summary}, {@code show voice port X/Y/Z} — live port state;</li>
 * <li>{@code test voice port X/Y/Z off-hook|on-hook|flash|status|digits D|auto-answer N|off|speak [MS]}
 *     (privileged) — drives the simulated phone on a port.</li>
 * </ul>
 * {@code module} supplies the running call control, or {@code null} when it is not started
 * (live commands then print {@code % Call control is not running}). Also declares the debug
 * categories {@code voice ccapi} and {@code voice lpcor}, fed by {@link CallDebug}.
 */
public final class CallControlCommands implements CliContribution {
    private final Supplier<CallControlModule> module;

    public CallControlCommands(Supplier<CallControlModule> module) {
        this.module = module;
    }

    @Override
    public void register(CommandRegistry r) {
        String[] showVoice = {"Show running system information", "Voice configuration"};
        r.command("show voice lpcor policy", showVoice[0], showVoice[1], "LPCOR information", "LPCOR policies")
                .optional(Arg.word("NAME", "Policy (destination group) name"))
                .handler(ctx -> ctx.out().print(LpcorShow.policy(GatewayConfigAdapter.lpcor(ctx.config().lpcor()),
                        ctx.args().get("NAME"))));
        r.command("show voice lpcor custom", showVoice[0], showVoice[1], "LPCOR information", "LPCOR resource groups")
                .handler(ctx -> ctx.out().print(LpcorShow.custom(GatewayConfigAdapter.lpcor(ctx.config().lpcor()))));
        r.command("show dial-peer voice summary", showVoice[0], "Dial plan mapping table", "Voice dial-peers",
                        "One line per dial-peer")
                .handler(ctx -> ctx.out().print(DialPeerShow.summary(
                        GatewayConfigAdapter.dialPlan(ctx.config(), new ArrayList<>()))));
        r.command("show voice port summary", showVoice[0], showVoice[1], "Voice port status", "One line per port")
                .handler(ctx -> live(ctx).ifPresent(m -> ctx.out().print(VoicePortShow.summary(m.ports()))));
        r.command("show voice port", showVoice[0], showVoice[1], "Voice port status")
                .arg(Arg.voicePort("PORT", "Voice port"))
                .handler(ctx -> live(ctx).ifPresent(m -> ctx.out().print(m.ports().port(ctx.args().text("PORT"))
                        .map(VoicePortShow::port)
                        .orElse("% Voice port " + ctx.args().text("PORT") + " does not exist\n"))));

        r.debugCategory(CallDebug.CCAPI, "Voice", "Call control API: every call event");
        r.debugCategory(CallDebug.LPCOR, "Voice", "LPCOR decisions and FAC steps");

        String[] test = {"Test subsystems", "Voice testing", "Drive a voice port's simulated phone"};
        for (String[] action : new String[][] {
                {"off-hook", "Lift the handset (answers when ringing)"},
                {"on-hook", "Hang up"},
                {"flash", "Hook flash"},
                {"status", "What the port and its phone are doing and hearing"}}) {
            r.command("test voice port", test).privilege(15)
                    .arg(Arg.voicePort("PORT", "Voice port"), Arg.keyword(action[0], action[1]))
                    .handler(ctx -> runTest(ctx, List.of(action[0])));
        }
        r.command("test voice port", test).privilege(15)
                .arg(Arg.voicePort("PORT", "Voice port"), Arg.keyword("digits", "Dial digits as in-band DTMF"),
                        Arg.word("DIGITS", "0-9 * # A-D, up to 32"))
                .handler(ctx -> runTest(ctx, List.of("digits", ctx.args().text("DIGITS"))));
        r.command("test voice port", test).privilege(15)
                .arg(Arg.voicePort("PORT", "Voice port"), Arg.keyword("auto-answer", "Answer automatically"),
                        Arg.word("RINGS", "<1-20> rings, or off"))
                .handler(ctx -> runTest(ctx, List.of("auto-answer", ctx.args().text("RINGS"))));
        r.command("test voice port", test).privilege(15)
                .arg(Arg.voicePort("PORT", "Voice port"), Arg.keyword("speak", "Talk into the phone"))
                .optional(Arg.number("MS", 20, 10_000, "Milliseconds (default 1000)"))
                .handler(ctx -> runTest(ctx, ctx.args().get("MS").map(ms -> List.of("speak", ms))
                        .orElse(List.of("speak"))));
    }

    private void runTest(CommandContext ctx, List<String> args) {
        live(ctx).ifPresent(m -> ctx.out().print(TestVoicePortCommand.run(m.ports(), ctx.args().text("PORT"), args)));
    }

    private Optional<CallControlModule> live(CommandContext ctx) {
        CallControlModule m = module.get();
        if (m == null) {
            ctx.out().print("% Call control is not running\n");
        }
        return Optional.ofNullable(m);
    }
}
