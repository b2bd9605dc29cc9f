package org.tollgate.aaa.local;

/**
 * A stored password that can only be checked, never read back (the configuration's user passwords
 * implement this through an adapter). Implementations compare in constant time.
 */
@FunctionalInterface
public interface PasswordCheck {

    /** True when {@code attempt} is the password; constant time in the content of both. */
    boolean matches(String attempt);
}
