package org.tollgate.config.app;

/**
 * {@code service NAME URL} under {@code application}: accepted and kept (tollgate runs only the
 * built-in auth package).
 *
 * @param name service name
 * @param url script location
 */
public record AppService(String name, String url) {
}
