package org.tollgate.gateway.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tollgate.config.ConfigError;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.ConfigWarning;
import org.tollgate.config.ParseResult;

/**
 * {@code tollgate check-config FILE}: exit 0 when the file is valid (warnings on stderr), 1 with
 * every error as {@code FILE:LINE:COL: message}, the source line and a caret line on stderr, 2 on
 * usage errors or an unreadable file.
 */
public final class CheckConfigCommand {
    private CheckConfigCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: tollgate check-config FILE");
            return 2;
        }
        Path file = Path.of(args[0]);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("tollgate: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        return switch (ConfigParser.parse(args[0], text)) {
            case ParseResult.Ok ok -> {
                for (ConfigWarning w : ok.warnings()) {
                    err.println(warning(w));
                }
                out.println(args[0] + ": OK");
                yield 0;
            }
            case ParseResult.Failed failed -> {
                for (ConfigError e : failed.errors()) {
                    err.println(e.format());
                }
                err.println(failed.errors().size() + (failed.errors().size() == 1 ? " error" : " errors")
                        + " in " + args[0]);
                yield 1;
            }
        };
    }

    static String warning(ConfigWarning w) {
        return w.format();
    }
}
