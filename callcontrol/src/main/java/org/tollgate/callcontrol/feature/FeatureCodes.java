package org.tollgate.callcontrol.feature;

import java.util.Optional;

import org.tollgate.callcontrol.feature.forward.ForwardKind;

/**
 * Feature access codes dialled from a phone instead of a number, and the feature numbers (park
 * slots, meet-me numbers). tollgate's codes follow CME's {@code fac standard} numbering where CME
 * has one and extend it under the same {@code **} prefix; {@code #} ends a code with a number:
 *
 * <table>
 * <tr><th>code</th><th>feature</th></tr>
 * <tr><td>{@code **1N#}</td><td>call forward all to N (CME {@code **1})</td></tr>
 * <tr><td>{@code **2}</td><td>cancel call forward all (CME {@code **2})</td></tr>
 * <tr><td>{@code **3}</td><td>pickup in the caller's own pickup group (CME {@code **3})</td></tr>
 * <tr><td>{@code **4G#}</td><td>pickup in group G (CME {@code **4})</td></tr>
 * <tr><td>{@code **5N#}</td><td>directed pickup of the call ringing at N (CME {@code **5})</td></tr>
 * <tr><td>{@code **6}</td><td>park (after a hook flash during a call; CME {@code **6} is park too)</td></tr>
 * <tr><td>{@code **7N#}</td><td>call forward busy to N (tollgate)</td></tr>
 * <tr><td>{@code **8N#}</td><td>call forward no answer to N, default timeout 20 s (tollgate)</td></tr>
 * <tr><td>{@code **9}</td><td>cancel every call forward of the phone (tollgate)</td></tr>
 * </table>
 * A park slot or meet-me number is dialled like any number.
 */
public final class FeatureCodes {
    /** The prefix of every feature code. */
    public static final String PREFIX = "**";
    /** The park code (valid only after a hook flash in a call). */
    public static final String PARK = "**6";
    /** Longest accepted code including its number (a bound on collection). */
    public static final int MAX_LENGTH = 40;

    private FeatureCodes() {
    }

    /** Result of matching digits against the codes. */
    public sealed interface Match {
    }

    /** Not a code (does not start with the prefix). */
    public record NotACode() implements Match {
    }

    /** A code prefix: keep collecting. */
    public record Incomplete() implements Match {
    }

    /** Starts with the prefix but is no valid code. */
    public record Invalid() implements Match {
    }

    /** A complete code. */
    public record Complete(FeatureRequest request) implements Match {
    }

    /** The park code (only meaningful after a flash). */
    public record Park() implements Match {
    }

    /**
     * Matches {@code dialled}; {@code ended} when the caller pressed {@code #} or the inter-digit
     * timer expired (the digits so far are final).
     */
    public static Match match(String dialled, boolean ended) {
        if (!dialled.startsWith(PREFIX)) {
            return PREFIX.startsWith(dialled) && !dialled.isEmpty() && !ended ? new Incomplete() : new NotACode();
        }
        if (dialled.length() > MAX_LENGTH) {
            return new Invalid();
        }
        if (dialled.length() == PREFIX.length()) {
            return ended ? new Invalid() : new Incomplete();
        }
        char c = dialled.charAt(PREFIX.length());
        String arg = dialled.substring(PREFIX.length() + 1);
        return switch (c) {
            case '1' -> withNumber(arg, ended, n -> new FeatureRequest.SetForward(ForwardKind.ALL, n));
            case '2' -> plain(arg, new FeatureRequest.ClearForward(Optional.of(ForwardKind.ALL)));
            case '3' -> plain(arg, new FeatureRequest.GroupPickup(Optional.empty()));
            case '4' -> withNumber(arg, ended, g -> new FeatureRequest.GroupPickup(Optional.of(g)));
            case '5' -> withNumber(arg, ended, FeatureRequest.DirectedPickup::new);
            case '6' -> arg.isEmpty() ? new Park() : new Invalid();
            case '7' -> withNumber(arg, ended, n -> new FeatureRequest.SetForward(ForwardKind.BUSY, n));
            case '8' -> withNumber(arg, ended, n -> new FeatureRequest.SetForward(ForwardKind.NO_ANSWER, n));
            case '9' -> plain(arg, new FeatureRequest.ClearForward(Optional.empty()));
            default -> new Invalid();
        };
    }

    private static Match plain(String arg, FeatureRequest r) {
        return arg.isEmpty() ? new Complete(r) : new Invalid();
    }

    private static Match withNumber(String arg, boolean ended, java.util.function.Function<String, FeatureRequest> f) {
        if (arg.endsWith("#")) {
            String n = arg.substring(0, arg.length() - 1);
            return !n.isEmpty() && n.chars().allMatch(Character::isDigit) ? new Complete(f.apply(n)) : new Invalid();
        }
        if (!arg.chars().allMatch(Character::isDigit)) {
            return new Invalid();
        }
        if (ended) {
            return arg.isEmpty() ? new Invalid() : new Complete(f.apply(arg));
        }
        return new Incomplete();
    }
}
