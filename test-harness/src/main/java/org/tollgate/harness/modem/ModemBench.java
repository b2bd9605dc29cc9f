package org.tollgate.harness.modem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test bench: a {@link TelephoneNetwork} and emulated modems each on its own socat pseudo-terminal pair.
 * <pre>{@code
 * try (ModemBench bench = new ModemBench(tempDir)) {
 *     PtyModem nas = bench.modemOnPty("55555");     // the gateway opens nas.devicePath()
 *     PtyModem pc = bench.modemOnPty("84001");      // the test's terminal opens pc.devicePath()
 * }
 * }</pre>
 */
public final class ModemBench implements AutoCloseable {

    private final Path dir;
    private final TelephoneNetwork network;
    private final List<PtyModem> modems = new ArrayList<>();

    public ModemBench(Path dir) {
        this(dir, new TelephoneNetwork());
    }

    public ModemBench(Path dir, TelephoneNetwork network) {
        this.dir = dir;
        this.network = network;
    }

    public TelephoneNetwork network() {
        return network;
    }

    /** A new modem with {@code number}, on a fresh pty pair. */
    public PtyModem modemOnPty(String number) throws IOException {
        SocatPtyPair pair = SocatPtyPair.start(dir, "modem-" + number);
        PtyModem m = new PtyModem(network.modem(number), pair);
        synchronized (modems) {
            modems.add(m);
        }
        return m;
    }

    @Override
    public void close() {
        synchronized (modems) {
            modems.forEach(PtyModem::close);
            modems.clear();
        }
    }
}
