package org.tollgate.gateway;

import java.util.Arrays;

/**
 * Entry point of the {@code tollgate} command: dispatches to one subcommand.
 *
 * <p>Each subcommand is one {@code case} below; its implementation lives in the module that owns the
 * capability and returns the process exit status.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one subcommand and returns its exit status (never calls {@code System.exit}). */
    public static int run(String[] args) {
        if (args.length == 0) {
            usage();
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "-h", "--help", "help" -> {
                usage();
                yield 0;
            }
            default -> {
                System.err.println("tollgate: unknown subcommand '" + args[0] + "' (see tollgate --help)");
                yield 2;
            }
        };
    }

    private static void usage() {
        System.out.println("""
                usage: tollgate <subcommand> [options]

                subcommands:
                  help                       this text
                """);
    }
}
