package org.tollgate.config.cme;

/**
 * {@code number INDEX dn TAG} of a SIP pool: line INDEX of the phone shows {@code voice register dn TAG}.
 *
 * @param index line index 1..10
 * @param dn voice register dn tag
 */
public record PoolNumber(int index, int dn) {
}
