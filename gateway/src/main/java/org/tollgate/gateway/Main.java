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
            case "-V", "--version", "version" -> {
                System.out.println("tollgate " + org.tollgate.gateway.run.Gateway.VERSION);
                yield 0;
            }
            case "run" -> org.tollgate.gateway.run.RunCommand.run(rest, System.out, System.err);
            case "check-config" -> org.tollgate.gateway.run.CheckConfigCommand.run(rest, System.out, System.err);
            case "relayapp" -> org.tollgate.lines.relay.RelayApp.run(rest);
            case "tndconnect" -> org.tollgate.lines.relay.TndConnect.run(rest);
            case "vpnd" -> org.tollgate.lines.vpn.VpnDaemon.run(rest);
            case "vpnclient" -> org.tollgate.lines.vpn.VpnClient.run(rest);
            case "dsp" -> org.tollgate.dsp.cli.DspCommand.run(rest);
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
                  version                    print the version
                  run --config FILE [--data-dir DIR] [--sip-address A] [--sip-port N]
                      [--telnet-port N] [--ssh-port N] [--http-port N] [--no-console]
                                             run the gateway (see docs/running.md)
                  check-config FILE          validate a configuration file (exit 0 valid, 1 errors)
                  dsp detect FILE            print the DTMF digits in a .au/.wav file ("DIGIT START_MS" per line)
                  dsp generate DIGITS FILE [--on MS] [--off MS] [--low DBM0] [--high DBM0]
                                             write DIGITS as in-band DTMF to a .au (or .wav) file
                  relayapp [--listen A:P] [--tunnel-listen A:P] ...
                                             the public secure telnet relay (see docs/relay.md)
                  tndconnect -host H -password P [-file LOG] [-port N] [-verbose] [-target HOST]
                      [-targetport N] [-noecho] | /?
                                             the customer-side connector of the relay
                  vpnd ...                   the tunnel daemon behind vpnclient (see docs/vpnclient.md)
                  vpnclient <command> ...    connect / disconnect / stat / notify / verify autoinitconfig
                """);
    }
}
