package org.tollgate.config.app;

import java.util.Optional;
import org.tollgate.config.secret.Password;

/**
 * {@code application / package auth} parameters of the built-in authorization (FAC) application.
 *
 * @param userPrompt {@code param user-prompt URL} (e.g. {@code flash:en_bacd_enter_dest.au})
 * @param passwdPrompt {@code param passwd-prompt URL}
 * @param passwd {@code param passwd D}: predefined password digits; when set, the caller only dials the code
 * @param maxRetries {@code param max-retries 0..10}, default 0: further tries after a failed entry
 * @param termDigit {@code param term-digit D} (one of 0-9 * #), default {@code #}
 * @param abortDigit {@code param abort-digit D}, default {@code *}: cancels the current entry
 * @param maxDigits {@code param max-digits 1..32}, default 32
 */
public record AuthPackage(Optional<String> userPrompt, Optional<String> passwdPrompt, Optional<Password> passwd,
                          int maxRetries, char termDigit, char abortDigit, int maxDigits) {
    public static final AuthPackage DEFAULT = new AuthPackage(Optional.empty(), Optional.empty(), Optional.empty(),
            0, '#', '*', 32);

    public AuthPackage withUserPrompt(Optional<String> v) {
        return new AuthPackage(v, passwdPrompt, passwd, maxRetries, termDigit, abortDigit, maxDigits);
    }

    public AuthPackage withPasswdPrompt(Optional<String> v) {
        return new AuthPackage(userPrompt, v, passwd, maxRetries, termDigit, abortDigit, maxDigits);
    }

    public AuthPackage withPasswd(Optional<Password> v) {
        return new AuthPackage(userPrompt, passwdPrompt, v, maxRetries, termDigit, abortDigit, maxDigits);
    }

    public AuthPackage withMaxRetries(int v) {
        return new AuthPackage(userPrompt, passwdPrompt, passwd, v, termDigit, abortDigit, maxDigits);
    }

    public AuthPackage withTermDigit(char v) {
        return new AuthPackage(userPrompt, passwdPrompt, passwd, maxRetries, v, abortDigit, maxDigits);
    }

    public AuthPackage withAbortDigit(char v) {
        return new AuthPackage(userPrompt, passwdPrompt, passwd, maxRetries, termDigit, v, maxDigits);
    }

    public AuthPackage withMaxDigits(int v) {
        return new AuthPackage(userPrompt, passwdPrompt, passwd, maxRetries, termDigit, abortDigit, v);
    }
}
