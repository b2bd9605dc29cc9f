package org.tollgate.lines.tty;

import java.util.Objects;

/**
 * How a tty/aux line's serial device is opened: from the line's {@code device PATH [speed N]} extension
 * command, {@code speed N} and {@code flowcontrol hardware|software|none}.
 *
 * @param device          the device path
 * @param speed           bits per second (default {@value #DEFAULT_SPEED}, the IOS aux default)
 * @param flowControl     flow control
 * @param useControlLines read DCD and drive DTR (off for pseudo-terminals and adapters without them)
 */
public record SerialSettings(String device, int speed, FlowControl flowControl, boolean useControlLines) {

    /** IOS default line speed. */
    public static final int DEFAULT_SPEED = 9600;

    /** Line flow control. */
    public enum FlowControl { NONE, HARDWARE, SOFTWARE }

    public SerialSettings {
        Objects.requireNonNull(device);
        Objects.requireNonNull(flowControl);
        if (speed < 50 || speed > 4_000_000) {
            throw new IllegalArgumentException("speed out of range: " + speed);
        }
    }
}
