package org.tollgate.config.system;

/**
 * The typed {@code service ...} flags. Other {@code service} commands ({@code service timestamps ...})
 * are kept as {@link PassthroughCommand}s.
 *
 * @param passwordEncryption {@code service password-encryption}: print type 0 passwords as type 7 (default off)
 * @param execCallback {@code service exec-callback}: allow EXEC callback on modem lines (default off)
 */
public record Services(boolean passwordEncryption, boolean execCallback) {
    /** Both off, as a fresh IOS box. */
    public static final Services DEFAULT = new Services(false, false);

    public Services withPasswordEncryption(boolean v) {
        return new Services(v, execCallback);
    }

    public Services withExecCallback(boolean v) {
        return new Services(passwordEncryption, v);
    }
}
