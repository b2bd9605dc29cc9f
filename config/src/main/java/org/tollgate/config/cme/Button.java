package org.tollgate.config.cme;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code button} entry such as {@code 1:102} (line 1 shows ephone-dn 102).
 *
 * @param index button number 1..100
 * @param separator {@code :} normal, {@code s} silent, {@code o}/{@code c} overlay, {@code x} expansion,
 *     {@code b}/{@code f}/{@code m}/{@code w} (kept)
 * @param dns ephone-dn tags on the button (several for overlays)
 */
public record Button(int index, char separator, List<Integer> dns) {
    public Button {
        dns = List.copyOf(dns);
    }

    /** IOS text, e.g. {@code 1:102} or {@code 2o103,104}. */
    public String text() {
        return index + String.valueOf(separator) + dns.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
