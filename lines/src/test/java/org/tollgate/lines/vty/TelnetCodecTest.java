package org.tollgate.lines.vty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 854 / 857 / 858 / 1073 negotiation over a real loopback socket. */
class TelnetCodecTest {
    private static final int IAC = 255;
    private static final int DONT = 254;
    private static final int DO = 253;
    private static final int WONT = 252;
    private static final int WILL = 251;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int ECHO = 1;
    private static final int SGA = 3;
    private static final int TTYPE = 24;
    private static final int NAWS = 31;
    private static final int LINEMODE = 34;

    private ServerSocket listener;
    private Socket client;
    private Socket server;
    private TelnetCodec codec;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        server = listener.accept();
        client.setSoTimeout(5000);
        server.setSoTimeout(5000);
        codec = new TelnetCodec(server.getInputStream(), server.getOutputStream());
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listener.close();
    }

    private byte[] readClient(int n) throws IOException {
        return client.getInputStream().readNBytes(n);
    }

    private void sendClient(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        client.getOutputStream().write(b);
        client.getOutputStream().flush();
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    @DisplayName("the server opens with WILL ECHO, WILL SUPPRESS-GO-AHEAD, DO NAWS")
    void openingNegotiation() throws IOException {
        codec.start();
        assertArrayEquals(bytes(IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, NAWS), readClient(9));
    }

    @Test
    @DisplayName("acknowledgements are not answered again; NAWS sets the window size (RFC 1073)")
    void acknowledgementsAndNaws() throws IOException {
        codec.start();
        readClient(9);
        sendClient(IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, NAWS,
                IAC, SB, NAWS, 0, 132, 0, 50, IAC, SE, 'x');
        InputStream in = codec.input();
        assertEquals('x', in.read());
        assertEquals(132, codec.width());
        assertEquals(50, codec.height());
        assertTrue(codec.localEnabled(ECHO));
        assertTrue(codec.localEnabled(SGA));
        // nothing was sent back for the acknowledgements: the next bytes the client sees are data
        codec.output().write('!');
        codec.output().flush();
        assertArrayEquals(bytes('!'), readClient(1));
    }

    @Test
    @DisplayName("unsupported options are refused: DO x -> WONT x, WILL x -> DONT x")
    void refuseOthers() throws IOException {
        sendClient(IAC, DO, LINEMODE, IAC, WILL, TTYPE, 'y');
        assertEquals('y', codec.input().read());
        assertArrayEquals(bytes(IAC, WONT, LINEMODE, IAC, DONT, TTYPE), readClient(6));
    }

    @Test
    @DisplayName("DONT ECHO after WILL ECHO is acknowledged with WONT ECHO once")
    void dontEcho() throws IOException {
        codec.start();
        readClient(9);
        sendClient(IAC, DO, ECHO, IAC, DONT, ECHO, IAC, DONT, ECHO, 'z');
        assertEquals('z', codec.input().read());
        assertFalse(codec.localEnabled(ECHO));
        assertArrayEquals(bytes(IAC, WONT, ECHO), readClient(3));
    }

    @Test
    @DisplayName("CR LF and CR NUL reach the reader as one CR; IAC IAC is data 255 (RFC 854 NVT)")
    void endOfLineAndIacEscape() throws IOException {
        sendClient('a', '\r', 0, 'b', '\r', '\n', IAC, IAC, 'c');
        InputStream in = codec.input();
        assertEquals('a', in.read());
        assertEquals('\r', in.read());
        assertEquals('b', in.read());
        assertEquals('\r', in.read());
        assertEquals(255, in.read());
        assertEquals('c', in.read());
    }

    @Test
    @DisplayName("data byte 255 is sent doubled as IAC IAC")
    void outputEscapesIac() throws IOException {
        OutputStream out = codec.output();
        out.write(new byte[] {'a', (byte) 255, 'b'});
        out.flush();
        assertArrayEquals(bytes('a', IAC, IAC, 'b'), readClient(4));
    }

    @Test
    @DisplayName("IAC IP (interrupt process) reaches the reader as ^C")
    void interruptProcess() throws IOException {
        sendClient(IAC, 244);
        assertEquals(3, codec.input().read());
    }

    @Test
    @DisplayName("end of stream is -1")
    void endOfStream() throws IOException {
        client.shutdownOutput();
        assertEquals(-1, codec.input().read());
    }
}
