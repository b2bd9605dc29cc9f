package org.tollgate.lines.tty;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SerialLine} on jSerialComm. The port is opened by path with {@link SerialPort#getCommPort}
 * (pseudo-terminals are not listed by jSerialComm's port scan but open fine by path), 8N1, the configured
 * speed and flow control; reads are semi-blocking with a {@value #POLL_MILLIS} ms poll.
 */
public final class JSerialCommLine implements SerialLine {

    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommLine.class);
    /** Read poll interval. */
    public static final int POLL_MILLIS = 100;

    private final SerialPort port;
    private final SerialSettings settings;

    private JSerialCommLine(SerialPort port, SerialSettings settings) {
        this.port = port;
        this.settings = settings;
    }

    /** Opens the device; an unopenable device is an {@link IOException}. */
    public static JSerialCommLine open(SerialSettings settings) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.device());
        } catch (RuntimeException e) {
            throw new IOException("no such serial device: " + settings.device(), e);
        }
        port.setComPortParameters(settings.speed(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(switch (settings.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case HARDWARE -> settings.useControlLines()
                    ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                    : SerialPort.FLOW_CONTROL_DISABLED;
            case SOFTWARE -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        });
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                POLL_MILLIS, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial device " + settings.device()
                    + " (error " + port.getLastErrorCode() + ")");
        }
        LOG.info("opened serial device {} at {} bps, flow control {}", settings.device(), settings.speed(),
                settings.flowControl());
        return new JSerialCommLine(port, settings);
    }

    @Override
    public String device() {
        return settings.device();
    }

    @Override
    public void write(byte[] data) throws IOException {
        int off = 0;
        while (off < data.length) {
            int n = port.writeBytes(data, data.length - off, off);
            if (n < 0) {
                throw new IOException("write failed on " + settings.device());
            }
            off += n;
        }
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException("read failed on " + settings.device());
        }
        return n;
    }

    @Override
    public void sendBreak() throws IOException {
        if (!port.setBreak()) {
            throw new IOException("cannot send BREAK on " + settings.device());
        }
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            port.clearBreak();
        }
    }

    @Override
    public boolean setDtr(boolean on) {
        if (!settings.useControlLines()) {
            return false;
        }
        return on ? port.setDTR() : port.clearDTR();
    }

    @Override
    public int carrierDetect() {
        if (!settings.useControlLines()) {
            return -1;
        }
        return port.getDCD() ? 1 : 0;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
