package org.tollgate.harness.sipfeatures;

import org.tollgate.harness.sip.phone.SipPhone;

/** Polling with the phones' ceiling ({@link SipPhone#WAIT}). */
final class PhoneGatewayChecks {
    private PhoneGatewayChecks() {}

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
