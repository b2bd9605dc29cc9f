package org.tollgate.aaa.authpkg;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of the built-in FAC authorization application ({@code application / package auth /
 * param ...}, spec fac-lpcor §4) plus the inter-digit timeout it borrows from {@code timeouts
 * interdigit} (ios-reference: the auth package has no timeout parameter of its own).
 *
 * <table>
 *   <caption>limits and defaults</caption>
 *   <tr><th>param</th><th>range</th><th>default</th></tr>
 *   <tr><td>user-prompt</td><td>prompt URL</td><td>{@value #DEFAULT_USER_PROMPT}</td></tr>
 *   <tr><td>passwd-prompt</td><td>prompt URL</td><td>{@value #DEFAULT_PASSWD_PROMPT}</td></tr>
 *   <tr><td>passwd</td><td>digits</td><td>none: the password is collected</td></tr>
 *   <tr><td>max-retries</td><td>0..10</td><td>0</td></tr>
 *   <tr><td>term-digit</td><td>one of 0-9 * # A-D</td><td>none (then only max-digits or the timeout end an entry)</td></tr>
 *   <tr><td>abort-digit</td><td>one of 0-9 * # A-D</td><td>{@code *}</td></tr>
 *   <tr><td>max-digits</td><td>1..32</td><td>32</td></tr>
 *   <tr><td>timeouts interdigit</td><td>1..120 s</td><td>10 s</td></tr>
 *   <tr><td>login list</td><td>method list name</td><td>{@value #DEFAULT_LOGIN_LIST} (then {@code default})</td></tr>
 * </table>
 *
 * <p>The predefined password is a secret: {@link #toString()} hides it.
 *
 * @param userPrompt prompt played before the username (code) entry
 * @param passwdPrompt prompt played before the password entry
 * @param predefinedPassword {@code param passwd}: when present no password is collected
 * @param maxRetries extra tries after a failed entry
 * @param termDigit digit that ends an entry
 * @param abortDigit digit that cancels and restarts the current entry
 * @param maxDigits entry length that ends an entry
 * @param interDigitTimeout silence that ends an entry (or, before any digit, times it out)
 * @param loginList the {@code aaa authentication login} list asked
 */
public record AuthPackageParams(
        String userPrompt,
        String passwdPrompt,
        Optional<String> predefinedPassword,
        int maxRetries,
        Optional<Character> termDigit,
        char abortDigit,
        int maxDigits,
        Duration interDigitTimeout,
        String loginList) {

    public static final String DEFAULT_USER_PROMPT = "flash:enter_account.au";
    public static final String DEFAULT_PASSWD_PROMPT = "flash:enter_pin.au";
    public static final int DEFAULT_MAX_RETRIES = 0;
    public static final char DEFAULT_ABORT_DIGIT = '*';
    public static final int DEFAULT_MAX_DIGITS = 32;
    public static final Duration DEFAULT_INTERDIGIT = Duration.ofSeconds(10);
    public static final String DEFAULT_LOGIN_LIST = "h323";

    public AuthPackageParams {
        Objects.requireNonNull(userPrompt, "userPrompt");
        Objects.requireNonNull(passwdPrompt, "passwdPrompt");
        Objects.requireNonNull(predefinedPassword, "predefinedPassword");
        Objects.requireNonNull(termDigit, "termDigit");
        Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
        Objects.requireNonNull(loginList, "loginList");
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("max-retries must be 0..10: " + maxRetries);
        }
        if (maxDigits < 1 || maxDigits > 32) {
            throw new IllegalArgumentException("max-digits must be 1..32: " + maxDigits);
        }
        if (!isKeypadDigit(abortDigit)) {
            throw new IllegalArgumentException("abort-digit must be a keypad digit: " + abortDigit);
        }
        termDigit.ifPresent(t -> {
            if (!isKeypadDigit(t)) {
                throw new IllegalArgumentException("term-digit must be a keypad digit: " + t);
            }
            if (t == abortDigit) {
                throw new IllegalArgumentException("term-digit and abort-digit must differ: " + t);
            }
        });
        if (interDigitTimeout.isNegative() || interDigitTimeout.isZero()) {
            throw new IllegalArgumentException("inter-digit timeout must be positive: " + interDigitTimeout);
        }
        predefinedPassword.ifPresent(p -> {
            if (!p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("passwd must be digits");
            }
        });
    }

    /** All defaults: prompts as above, no predefined password, no terminator. */
    public static AuthPackageParams defaults() {
        return new AuthPackageParams(DEFAULT_USER_PROMPT, DEFAULT_PASSWD_PROMPT, Optional.empty(),
                DEFAULT_MAX_RETRIES, Optional.empty(), DEFAULT_ABORT_DIGIT, DEFAULT_MAX_DIGITS,
                DEFAULT_INTERDIGIT, DEFAULT_LOGIN_LIST);
    }

    /** True for the 16 DTMF keys. */
    public static boolean isKeypadDigit(char c) {
        return (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
    }

    /** The collection rules for one entry. */
    public CollectSpec collectSpec() {
        return new CollectSpec(maxDigits, termDigit, abortDigit, interDigitTimeout, CollectSpec.DEFAULT_MAX_ABORTS);
    }

    public AuthPackageParams withUserPrompt(String value) {
        return new AuthPackageParams(value, passwdPrompt, predefinedPassword, maxRetries, termDigit, abortDigit,
                maxDigits, interDigitTimeout, loginList);
    }

    public AuthPackageParams withPasswdPrompt(String value) {
        return new AuthPackageParams(userPrompt, value, predefinedPassword, maxRetries, termDigit, abortDigit,
                maxDigits, interDigitTimeout, loginList);
    }

    public AuthPackageParams withPredefinedPassword(String value) {
        return new AuthPackageParams(userPrompt, passwdPrompt, Optional.ofNullable(value), maxRetries, termDigit,
                abortDigit, maxDigits, interDigitTimeout, loginList);
    }

    public AuthPackageParams withMaxRetries(int value) {
        return new AuthPackageParams(userPrompt, passwdPrompt, predefinedPassword, value, termDigit, abortDigit,
                maxDigits, interDigitTimeout, loginList);
    }

    public AuthPackageParams withTermDigit(Character value) {
        return new AuthPackageParams(userPrompt, passwdPrompt, predefinedPassword, maxRetries,
                Optional.ofNullable(value), abortDigit, maxDigits, interDigitTimeout, loginList);
    }

    public AuthPackageParams withAbortDigit(char value) {
        return new AuthPackageParams(userPrompt, passwdPrompt, predefinedPassword, maxRetries, termDigit, value,
                maxDigits, interDigitTimeout, loginList);
    }

    public AuthPackageParams withMaxDigits(int value) {
        return new AuthPackageParams(userPrompt, passwdPrompt, predefinedPassword, maxRetries, termDigit, abortDigit,
                value, interDigitTimeout, loginList);
    }

    public AuthPackageParams withInterDigitTimeout(Duration value) {
        return new AuthPackageParams(userPrompt, passwdPrompt, predefinedPassword, maxRetries, termDigit, abortDigit,
                maxDigits, value, loginList);
    }

    public AuthPackageParams withLoginList(String value) {
        return new AuthPackageParams(userPrompt, passwdPrompt, predefinedPassword, maxRetries, termDigit, abortDigit,
                maxDigits, interDigitTimeout, value);
    }

    @Override
    public String toString() {
        return "AuthPackageParams[user-prompt=" + userPrompt + ", passwd-prompt=" + passwdPrompt
                + ", passwd=" + (predefinedPassword.isPresent() ? "<set>" : "<none>")
                + ", max-retries=" + maxRetries + ", term-digit=" + termDigit.map(String::valueOf).orElse("<none>")
                + ", abort-digit=" + abortDigit + ", max-digits=" + maxDigits
                + ", interdigit=" + interDigitTimeout.toSeconds() + "s, login-list=" + loginList + "]";
    }
}
