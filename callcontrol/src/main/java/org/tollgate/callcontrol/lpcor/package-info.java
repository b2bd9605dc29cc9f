/** LPCOR (logical partitioning class of restriction): resource groups, per-destination-group policies, decisions (FAC/LPCOR spec section 1). */
package org.tollgate.callcontrol.lpcor;
