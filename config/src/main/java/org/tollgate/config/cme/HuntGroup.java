package org.tollgate.config.cme;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code voice hunt-group TAG parallel|sequential|peer|longest-idle}: a pilot number that rings a
 * list of extensions (all at once for {@code parallel}, one after another otherwise).
 *
 * @param tag 1..100
 * @param kind {@code parallel}, {@code sequential}, {@code peer} or {@code longest-idle}
 * @param pilot {@code pilot N}: the number callers dial
 * @param members {@code list N,N,...}: member extensions, in order
 * @param timeoutSeconds {@code timeout S} per member (1-60000); empty = 180 s for parallel, else 10 s
 * @param finalNumber {@code final N}: where an unanswered call goes
 */
public record HuntGroup(int tag, String kind, Optional<String> pilot, List<String> members,
                        OptionalInt timeoutSeconds, Optional<String> finalNumber) {
    public HuntGroup {
        members = List.copyOf(members);
    }

    public static HuntGroup of(int tag, String kind) {
        return new HuntGroup(tag, kind, Optional.empty(), List.of(), OptionalInt.empty(), Optional.empty());
    }

    public HuntGroup withPilot(Optional<String> v) {
        return new HuntGroup(tag, kind, v, members, timeoutSeconds, finalNumber);
    }

    public HuntGroup withMembers(List<String> v) {
        return new HuntGroup(tag, kind, pilot, v, timeoutSeconds, finalNumber);
    }

    public HuntGroup withTimeoutSeconds(OptionalInt v) {
        return new HuntGroup(tag, kind, pilot, members, v, finalNumber);
    }

    public HuntGroup withFinalNumber(Optional<String> v) {
        return new HuntGroup(tag, kind, pilot, members, timeoutSeconds, v);
    }
}
