package org.tollgate.lines.callback;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.tollgate.config.user.User;
import org.tollgate.lines.modem.CallInput;
import org.tollgate.lines.modem.ModemLink;
import org.tollgate.lines.tty.LineInput;

/**
 * The login on a modem line ({@code login local} against the {@code username} entries), with the prompts of
 * the seed's HyperTerminal captures: {@code Username: } and {@code password: }.
 *
 * <p>Wake-up Return: right after CONNECT the line waits up to {@link ModemLineOptions#wakeWindow()} for the
 * caller. If the caller presses Return first, the line echoes the line break and asks {@code username: }
 * (scenario 1 of the seed: a blank line, then the lower-case prompt); otherwise it asks {@code Username: }
 * unprompted (scenario 2). Later prompts of the same call use {@code Username: }.
 *
 * <p>Input is echoed except the password; Backspace/DEL erase; CR ends a line, LF is ignored. A wrong
 * name or password gives {@code % Login invalid} and a new prompt, up to {@link ModemLineOptions#loginTries()}
 * times. Each answer must come within {@link ModemLineOptions#loginTimeout()}.
 */
final class LoginDialogue {

    /** Longest answer accepted. */
    static final int MAX_ANSWER = 64;

    /** How a login ended. */
    sealed interface Outcome {
        record LoggedIn(User user) implements Outcome {
        }

        /** Too many failures, or no answer in time: hang up. */
        record Refused(String reason) implements Outcome {
        }

        /** The call dropped (NO CARRIER, line cleared). */
        record Dropped() implements Outcome {
        }
    }

    /** A line read from the caller. */
    sealed interface Answer {
        record Text(String text) implements Answer {
        }

        record TimedOut() implements Answer {
        }

        record Dropped() implements Answer {
        }
    }

    private final ModemLink modem;
    private final CallInput in;
    private final ModemLineOptions options;

    LoginDialogue(ModemLink modem, CallInput in, ModemLineOptions options) {
        this.modem = modem;
        this.in = in;
        this.options = options;
    }

    /**
     * Runs the login.
     *
     * @param wakeUp   wait for the caller's Return first (a fresh incoming call)
     * @param lookup   user by name
     * @param failures called once per failed attempt (for counting)
     */
    Outcome run(boolean wakeUp, Function<String, Optional<User>> lookup, Runnable failures)
            throws IOException, InterruptedException {
        String prompt = "Username: ";
        if (wakeUp) {
            switch (waitForWakeUp()) {
                case 1 -> {
                    modem.write("\r\n");
                    prompt = "username: ";
                }
                case -1 -> {
                    return new Outcome.Dropped();
                }
                default -> {
                }
            }
        }
        for (int attempt = 0; attempt < options.loginTries(); attempt++) {
            modem.write(prompt);
            prompt = "Username: ";
            Answer name = readLine(true);
            if (!(name instanceof Answer.Text n)) {
                return ended(name, "Username");
            }
            modem.write("password: ");
            Answer password = readLine(false);
            if (!(password instanceof Answer.Text p)) {
                return ended(password, "Password");
            }
            Optional<User> user = lookup.apply(n.text().strip());
            if (user.isPresent() && user.get().credential().matches(p.text())) {
                return new Outcome.LoggedIn(user.get());
            }
            failures.run();
            modem.write("% Login invalid\r\n\r\n");
        }
        return new Outcome.Refused("login failed " + options.loginTries() + " times");
    }

    private Outcome ended(Answer a, String what) throws IOException {
        if (a instanceof Answer.TimedOut) {
            modem.write("\r\n% " + what + ":  timeout expired!\r\n");
            return new Outcome.Refused(what.toLowerCase(java.util.Locale.ROOT) + " timeout");
        }
        return new Outcome.Dropped();
    }

    /** 1 when the caller pressed Return, 0 when the window passed (or other keys came), -1 when the call dropped. */
    private int waitForWakeUp() throws InterruptedException {
        Duration window = options.wakeWindow();
        while (true) {
            int b = in.read(window);
            if (b == LineInput.EOF) {
                return -1;
            }
            if (b == LineInput.TIMEOUT) {
                return 0;
            }
            if (b == '\n') {
                continue; // the rest of the modem's CONNECT line
            }
            if (b == '\r') {
                return 1;
            }
            modem.input().unread(b);
            return 0;
        }
    }

    /** Reads one answer, echoing it when {@code echo}. */
    Answer readLine(boolean echo) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int b = in.read(options.loginTimeout());
            if (b == LineInput.EOF) {
                return new Answer.Dropped();
            }
            if (b == LineInput.TIMEOUT) {
                return new Answer.TimedOut();
            }
            if (b == '\r') {
                modem.write("\r\n");
                return new Answer.Text(text.toString());
            }
            if (b == '\n' || b == 0) {
                continue;
            }
            if (b == 8 || b == 127) {
                if (!text.isEmpty()) {
                    text.setLength(text.length() - 1);
                    if (echo) {
                        modem.write("\b \b");
                    }
                }
                continue;
            }
            if (b < 32 || text.length() >= MAX_ANSWER) {
                continue;
            }
            text.append((char) b);
            if (echo) {
                modem.write(String.valueOf((char) b));
            }
        }
    }
}
