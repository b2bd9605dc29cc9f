package org.tollgate.config.line;

import java.util.OptionalInt;

/**
 * {@code device PATH [speed N]}: tollgate extension binding a tty/aux line to a serial device
 * (e.g. {@code /dev/ttyUSB0} or a socat pseudo-terminal).
 *
 * @param path device path
 * @param speed bits per second; empty = the line's {@code speed}, else 9600
 */
public record SerialDevice(String path, OptionalInt speed) {
}
