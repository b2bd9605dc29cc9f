package org.tollgate.harness.sipfeatures;

import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.SipPhone;

/** Small checks on what a phone receives. */
final class PhoneGatewayChecks {
    private PhoneGatewayChecks() {}

    /** Waits until the call's RTP has brought audio (a prompt or a tone) to the phone; false at the ceiling. */
    static boolean receivesAudio(PhoneCall call) {
        return poll(() -> call.media().packetsReceived() > 0);
    }

    static boolean poll(java.util.function.BooleanSupplier c) {
        long deadline = System.nanoTime() + SipPhone.WAIT.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
