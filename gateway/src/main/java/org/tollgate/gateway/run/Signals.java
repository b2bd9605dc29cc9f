package org.tollgate.gateway.run;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM / SIGINT handling, so that {@code tollgate run} shuts down cleanly and exits 0 instead of
 * the JVM's default 143/130. Uses {@code sun.misc.Signal} (module {@code jdk.unsupported}); where
 * it is unavailable the shutdown hook still closes everything.
 */
final class Signals {
    private Signals() {}

    static void onTerminate(Runnable action) {
        SignalHandler h = sig -> action.run();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), h);
            } catch (IllegalArgumentException e) {
                // signal not available on this platform: the shutdown hook covers it
            }
        }
    }
}
