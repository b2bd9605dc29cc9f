package org.tollgate.aaa.cli;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tollgate.aaa.AaaService;
import org.tollgate.aaa.show.AaaShow;
import org.tollgate.config.cli.CliContribution;
import org.tollgate.config.cli.CommandContext;
import org.tollgate.config.cli.CommandRegistry;

/**
 * AAA's EXEC commands: {@code show aaa servers} (IOS), and the tollgate extensions
 * {@code show aaa fac lockout} and {@code clear aaa fac lockout} (privileged).
 * {@code service} supplies the running {@link AaaService}, or null when it is not started.
 */
public final class AaaCommands implements CliContribution {

    private final Supplier<AaaService> service;

    public AaaCommands(Supplier<AaaService> service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void register(CommandRegistry r) {
        r.command("show aaa servers", "Show running system information", "Show AAA values", "All AAA servers")
                .handler(ctx -> live(ctx).ifPresent(aaa -> ctx.out().print(
                        AaaShow.servers(aaa.radiusServers().snapshot(aaa.clock().instant()), aaa.clock().instant()))));
        r.command("show aaa fac lockout", "Show running system information", "Show AAA values",
                        "Forced authorization codes", "Callers locked out after repeated FAC failures")
                .handler(ctx -> live(ctx).ifPresent(aaa -> ctx.out().print(AaaShow.lockout(aaa.lockout()))));
        r.command("clear aaa fac lockout", "Reset functions", "Clear AAA values", "Forced authorization codes",
                        "Lift every FAC lockout")
                .privilege(15)
                .handler(ctx -> live(ctx).ifPresent(aaa -> aaa.lockout().clear()));
    }

    private Optional<AaaService> live(CommandContext ctx) {
        AaaService aaa = service.get();
        if (aaa == null) {
            ctx.out().println("% AAA is not running");
        }
        return Optional.ofNullable(aaa);
    }
}
