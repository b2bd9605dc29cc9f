package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Small immutable-list edits used by the command handlers. */
final class Lists {
    private Lists() {
    }

    /** {@code list} with the first element matching {@code key} replaced by {@code value}, or {@code value} appended. */
    static <T> List<T> upsert(List<T> list, Predicate<T> key, T value) {
        List<T> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (key.test(out.get(i))) {
                out.set(i, value);
                return List.copyOf(out);
            }
        }
        out.add(value);
        return List.copyOf(out);
    }

    /** {@code list} without the elements matching {@code key}. */
    static <T> List<T> remove(List<T> list, Predicate<T> key) {
        return list.stream().filter(key.negate()).toList();
    }

    /** {@code list} with {@code value} appended unless already present. */
    static <T> List<T> addDistinct(List<T> list, T value) {
        if (list.contains(value)) {
            return list;
        }
        List<T> out = new ArrayList<>(list);
        out.add(value);
        return List.copyOf(out);
    }
}
