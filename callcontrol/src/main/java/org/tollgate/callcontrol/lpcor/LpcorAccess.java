package org.tollgate.callcontrol.lpcor;

/**
 * What one policy line says about one source group.
 * <ul>
 * <li>{@link #ACCEPT}: {@code accept GROUP}</li>
 * <li>{@link #ACCEPT_FAC}: {@code accept GROUP fac} (a FAC is demanded only when the policy has
 *     {@code service fac}; otherwise it behaves as {@link #ACCEPT})</li>
 * <li>{@link #REJECT}: {@code no accept GROUP}, which is how the own group is blocked</li>
 * </ul>
 */
public enum LpcorAccess {
    ACCEPT, ACCEPT_FAC, REJECT
}
