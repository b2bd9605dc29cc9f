package org.tollgate.callcontrol.feature.forward;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwards set or cleared from phones (feature codes, or the SIP edge for a phone's own
 * forward setting). Live state, thread-safe; configured forwards are not here but in the
 * {@code FeatureSettings}. A phone's setting overrides the configured one of the same kind; clearing
 * removes the phone's setting and also masks the configured one until the configuration changes.
 */
public final class ForwardRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardRegistry.class);
    private final AtomicReference<ForwardTable> set = new AtomicReference<>(ForwardTable.EMPTY);
    private final AtomicReference<java.util.Set<String>> cleared = new AtomicReference<>(java.util.Set.of());

    /** Sets {@code number}'s {@code kind} forward (no FAC is involved: spec section 6, call forward row). */
    public synchronized void set(String number, ForwardKind kind, ForwardTable.Target target) {
        set.updateAndGet(t -> t.with(number, kind, target));
        cleared.updateAndGet(s -> without(s, key(number, kind)));
        LOG.info("call-forward {} of {} set to {}", kind.keyword(), number, target.number());
    }

    /** Clears {@code number}'s {@code kind} forward. */
    public synchronized void clear(String number, ForwardKind kind) {
        set.updateAndGet(t -> t.without(number, kind));
        cleared.updateAndGet(s -> with(s, key(number, kind)));
        LOG.info("call-forward {} of {} cleared", kind.keyword(), number);
    }

    /** {@code configured} with the phones' settings applied. */
    public synchronized ForwardTable effective(ForwardTable configured) {
        ForwardTable t = configured;
        for (String k : cleared.get()) {
            int sep = k.indexOf('|');
            t = t.without(k.substring(0, sep), ForwardKind.valueOf(k.substring(sep + 1)));
        }
        return t.overlay(set.get());
    }

    private static String key(String number, ForwardKind kind) {
        return number + "|" + kind.name();
    }

    private static java.util.Set<String> with(java.util.Set<String> s, String k) {
        java.util.Set<String> n = new java.util.HashSet<>(s);
        n.add(k);
        return java.util.Set.copyOf(n);
    }

    private static java.util.Set<String> without(java.util.Set<String> s, String k) {
        java.util.Set<String> n = new java.util.HashSet<>(s);
        n.remove(k);
        return java.util.Set.copyOf(n);
    }
}
