package org.tollgate.config.lpcor;

/**
 * {@code group N NAME} under {@code voice lpcor custom}.
 *
 * @param number 1..64
 * @param name group name (unique)
 */
public record LpcorGroup(int number, String name) {
    public static final int MIN = 1;
    public static final int MAX = 64;
}
