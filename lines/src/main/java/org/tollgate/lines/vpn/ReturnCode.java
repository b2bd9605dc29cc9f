package org.tollgate.lines.vpn;

/**
 * {@code vpnclient} process exit statuses (vpnclient spec, "Return codes"); every code is below 256 so it
 * survives a POSIX exit status. Codes that the seed marks Windows-only or reserved are listed for
 * completeness and never returned here (their use is documented in {@code docs/vpnclient.md}).
 */
public enum ReturnCode {
    SUCCESS_START(200),
    SUCCESS_STOP(201),
    SUCCESS_STAT(202),
    SUCCESS_ENUMPPP(203),
    ERR_UNKNOWN(1),
    ERR_MISSING_COMMAND(2),
    ERR_BAD_COMMAND(3),
    ERR_MISSING_PARAMS(4),
    ERR_BAD_PARAMS(5),
    ERR_TOO_MANY_PARAMS(6),
    ERR_NO_PARAMS_NEEDED(7),
    ERR_ATTACH_FAILED(8),
    ERR_DETACH_FAILED(9),
    ERR_NO_PROFILE(10),
    ERR_PWD_MISMATCHED(11),
    ERR_PWD_TOO_LONG(12),
    ERR_TOO_MANY_TRIES(13),
    ERR_START_FAILED(14),
    ERR_STOP_FAILED(15),
    ERR_STAT_FAILED(16),
    ERR_ENUM_FAILED(17),
    ERR_COMMUNICATION_FAILED(18),
    ERR_SET_HANDLER_FAILED(19),
    ERR_CLEAR_HANDLER_FAILED(20),
    ERR_OUT_OF_MEMORY(21),
    ERR_BAD_INTERFACE(22),
    ERR_UNEXPECTED_CALLBACK(23),
    ERR_DO_NOT_CONTINUE(24),
    ERR_GUI_RUNNING(25),
    ERR_SET_WORK_DIR_FAILED(26),
    ERR_NOT_CONNECTED(27),
    ERR_BAD_GROUP_NAME(28),
    ERR_BAD_GROUP_PWD(29),
    ERR_BAD_AUTHTYPE(30),
    RESERVED_01(31),
    RESERVED_02(32),
    ERR_COMMUNICATION_TIMED_OUT(33),
    ERR_BAD_3RD_PARTY_DIAL(34),
    ERR_DAEMON_NOT_RUNNING(35),
    ERR_DAEMON_ALREADY_RUNNING(36);

    private final int code;

    ReturnCode(int code) {
        this.code = code;
    }

    /** The exit status. */
    public int code() {
        return code;
    }

    /** The code with this number, or {@link #ERR_COMMUNICATION_FAILED} for a number that is not a code. */
    public static ReturnCode of(int code) {
        for (ReturnCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return ERR_COMMUNICATION_FAILED;
    }
}
