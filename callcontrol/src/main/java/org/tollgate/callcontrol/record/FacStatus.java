package org.tollgate.callcontrol.record;

/** FAC outcome as recorded in CDRs ({@code fac-status}). */
public enum FacStatus {
    SUCCESS, FAILURE, ABORTED, TIMED_OUT, UNAVAILABLE, CALLER_HUNG_UP
}
