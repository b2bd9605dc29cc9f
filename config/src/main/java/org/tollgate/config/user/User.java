package org.tollgate.config.user;

import java.util.Optional;
import org.tollgate.config.secret.Secret;

/**
 * {@code username NAME [privilege N] [nocallback-verify] [callback-dialstring N|""] password 0|7 X}
 * or {@code ... secret 0|5|8|9 X}.
 *
 * <p>A user whose name is all digits also serves as a FAC (forced authorization code) for local
 * authorization, the password being the FAC password.
 *
 * @param name user name (no spaces)
 * @param privilege 0..15, default 1; 15 lands in privileged EXEC
 * @param noCallbackVerify {@code nocallback-verify}: no second login after an EXEC callback
 * @param callbackDialstring {@code callback-dialstring}: empty = no callback; {@code Optional.of("")} =
 *     the user types the number at login ({@code callback-dialstring ""})
 * @param credential a {@link org.tollgate.config.secret.Password} (type 0/7) or a
 *     {@link org.tollgate.config.secret.HashedSecret} (type 5/8/9)
 */
public record User(String name, int privilege, boolean noCallbackVerify, Optional<String> callbackDialstring,
                   Secret credential) {
    /** IOS default privilege of a user. */
    public static final int DEFAULT_PRIVILEGE = 1;

    /** True when the user name consists of digits only (usable as a FAC). */
    public boolean isNumeric() {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
