package org.tollgate.ivrprompts;

import java.util.List;

/**
 * URLs of the prompts bundled in this module (made by {@code scripts/make-prompts.sh} with espeak-ng
 * and sox: 8 kHz μ-law {@code .au}).
 */
public final class Prompts {
    /** "Thank you for calling." (Cisco name, used by the seed as the auth package's passwd-prompt). */
    public static final String EN_BACD_WELCOME = "flash:en_bacd_welcome.au";
    /** "Please enter the extension number you want to reach." (Cisco name, the seed's user-prompt). */
    public static final String EN_BACD_ENTER_DEST = "flash:en_bacd_enter_dest.au";
    /** "Please enter your authorization code, followed by the pound key." */
    public static final String EN_ENTER_AUTH_CODE = "flash:en_enter_auth_code.au";
    /** "Please enter your password, followed by the pound key." */
    public static final String EN_ENTER_PASSWORD = "flash:en_enter_password.au";
    /** "That code is not valid. Please try again." */
    public static final String EN_INVALID_CODE_TRY_AGAIN = "flash:en_invalid_code_try_again.au";
    /** "Goodbye." */
    public static final String EN_GOODBYE = "flash:en_goodbye.au";

    /** Every bundled prompt URL. */
    public static final List<String> ALL = List.of(EN_BACD_WELCOME, EN_BACD_ENTER_DEST, EN_ENTER_AUTH_CODE,
            EN_ENTER_PASSWORD, EN_INVALID_CODE_TRY_AGAIN, EN_GOODBYE);

    private Prompts() {}
}
