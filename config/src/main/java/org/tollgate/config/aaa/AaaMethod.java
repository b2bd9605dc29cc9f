package org.tollgate.config.aaa;

/**
 * One method of an AAA method list ({@code local}, {@code none}, {@code enable}, {@code line},
 * {@code group radius}, {@code group NAME}); tried in list order, the next only when the previous
 * is unavailable (an ERROR), never after a FAIL.
 *
 * @param kind method kind
 * @param group server-group name for {@link Kind#GROUP} ({@code radius} = every RADIUS server); otherwise ""
 */
public record AaaMethod(Kind kind, String group) {
    /** Method kinds. */
    public enum Kind { LOCAL, NONE, ENABLE, LINE, GROUP }

    public static AaaMethod of(Kind kind) {
        return new AaaMethod(kind, "");
    }

    public static AaaMethod group(String name) {
        return new AaaMethod(Kind.GROUP, name);
    }

    /** IOS text, e.g. {@code group radius}. */
    public String text() {
        return switch (kind) {
            case LOCAL -> "local";
            case NONE -> "none";
            case ENABLE -> "enable";
            case LINE -> "line";
            case GROUP -> "group " + group;
        };
    }
}
