package org.tollgate.config.lpcor;

/**
 * One {@code accept G [fac]} / {@code no accept G} line of a policy.
 *
 * @param sourceGroup the calling group's name
 * @param verdict what happens to calls from it
 */
public record PolicyRule(String sourceGroup, Verdict verdict) {
}
