package org.tollgate.lines.relay;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.tollgate.lines.tunnel.OtpProof;

/**
 * The relay's tunnels waiting for their engineer, and the one-time passwords already used.
 *
 * <p>A connector's tunnel is registered with its proof ({@link OtpProof}); the relay cannot check the proof
 * until an engineer types a password. {@link #claim} derives the key from the typed password and joins the
 * engineer to the first waiting tunnel whose proof it verifies. A password that joined once is remembered
 * (as its derived key, never in clear) and refused afterwards, both from engineers ({@link AlreadyUsed}) and
 * from new connectors at SSH authentication ({@link #isReplay}). At most {@value #MAX_USED} used keys are
 * kept (oldest forgotten first).
 */
final class TunnelRegistry {
    /** Bound on remembered used passwords. */
    static final int MAX_USED = 100_000;
    /** Bound on tunnels waiting for their engineer; further connectors are refused at authentication. */
    static final int MAX_WAITING = 1_000;

    /** Outcome of an engineer's password. */
    sealed interface Claim {}

    /** The password matched a waiting tunnel, now taken out of the registry. */
    record Joined(RelayTunnel tunnel) implements Claim {}

    /** The password joined a tunnel before: refused. */
    record AlreadyUsed() implements Claim {}

    /** No waiting tunnel was opened with this password. */
    record Unknown() implements Claim {}

    private final List<RelayTunnel> waiting = new ArrayList<>();
    private final List<RelayTunnel> live = new ArrayList<>();
    private final Deque<byte[]> usedKeys = new ArrayDeque<>();

    /** A new tunnel: waiting for its engineer, and live until {@link #forget}. */
    synchronized void register(RelayTunnel tunnel) {
        waiting.add(tunnel);
        live.add(tunnel);
    }

    /** The tunnel's channel ended. */
    synchronized void forget(RelayTunnel tunnel) {
        waiting.remove(tunnel);
        live.remove(tunnel);
    }

    /** Every tunnel whose channel is open, joined or not. */
    synchronized List<RelayTunnel> live() {
        return List.copyOf(live);
    }

    synchronized boolean isFull() {
        return waiting.size() >= MAX_WAITING;
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    synchronized List<RelayTunnel> waiting() {
        return List.copyOf(waiting);
    }

    /** True when {@code proof} on session {@code sessionId} was made with an already used password. */
    synchronized boolean isReplay(byte[] sessionId, byte[] proof) {
        for (byte[] key : usedKeys) {
            if (OtpProof.verify(key, sessionId, proof)) {
                return true;
            }
        }
        return false;
    }

    /** Matches the engineer's password; clears {@code password}. */
    Claim claim(char[] password) {
        byte[] key = OtpProof.deriveKey(password);
        Arrays.fill(password, '\0');
        synchronized (this) {
            for (byte[] used : usedKeys) {
                if (MessageDigest.isEqual(used, key)) {
                    return new AlreadyUsed();
                }
            }
            for (RelayTunnel t : waiting) {
                if (OtpProof.verify(key, t.sessionId(), t.proof())) {
                    waiting.remove(t);
                    usedKeys.addLast(key);
                    if (usedKeys.size() > MAX_USED) {
                        usedKeys.removeFirst();
                    }
                    return new Joined(t);
                }
            }
            return new Unknown();
        }
    }
}
