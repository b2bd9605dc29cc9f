/** Call-park slots and the parked legs in them ({@link org.tollgate.callcontrol.feature.park.ParkLot}). */
package org.tollgate.callcontrol.feature.park;
