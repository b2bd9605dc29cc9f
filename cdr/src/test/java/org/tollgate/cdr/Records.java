package org.tollgate.cdr;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallOrigin;
import org.tollgate.cdr.record.ConnectionId;
import org.tollgate.cdr.record.LegKind;
import org.tollgate.cdr.record.LegProgress;
import org.tollgate.cdr.record.MediaCounters;

/** Finished-leg records for store and sink tests. */
public final class Records {
    private Records() {
    }

    /** Leg 1 of a FAC call (786 to 99329) that ended at {@code end}; {@code n} makes the id unique. */
    public static CallLegRecord stop(long n, Instant end) {
        ConnectionId id = ConnectionId.of(new UUID(0x1234L << 32 | n, n));
        return new CallLegRecord(CallLegRecord.recordId(id, 1), id, 1, LegKind.TELE, CallOrigin.ANSWER, "786786", "",
                0, "ephone 102", "786786", "99329", end.minusSeconds(60), Optional.of(end.minusSeconds(50)),
                Optional.of(end), Optional.of(Q850Cause.NORMAL_CALL_CLEARING), Optional.of(ReleaseSource.CALLING_PARTY),
                LegProgress.ACTIVE, "speech", new MediaCounters(2431, 48620, 2430, 48600), "g711ulaw", "786",
                Optional.of(FacStatus.SUCCESS), Optional.of("LocalUser"), Optional.of("AnalogPhone"));
    }
}
