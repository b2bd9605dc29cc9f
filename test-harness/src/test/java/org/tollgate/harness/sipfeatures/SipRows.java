package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.PhoneGateway;
import org.tollgate.harness.sip.phone.SipPhone;

/**
 * The FAC table's parties as registered SIP phones on the real gateway: A 1001, B 1002, C 1003 and
 * D 1004, each a {@code voice register pool} in its own LPCOR group (GA..GD). A pair {@code "A>C"}
 * makes calls from A's group to C's need a FAC ({@code accept GA fac} in C's policy); every other
 * pair is accepted without. The AAA and {@code auth} package lines are the seed's
 * ({@code examples/cme-fac.cfg}: user 786 with the predefined password, so {@value #FAC} is a valid
 * code). Calls' timers run on the fixture's manual scheduler.
 */
final class SipRows implements AutoCloseable {
    static final String A = "1001";
    static final String B = "1002";
    static final String C = "1003";
    static final String D = "1004";
    /** A valid FAC with the seed's auth package (user 786), and the terminating digit. */
    static final String FAC = "786#";
    /** An invalid one. */
    static final String BAD_FAC = "999#";

    private static final Map<String, String> GROUP = Map.of("A", "GA", "B", "GB", "C", "GC", "D", "GD");
    private static final Map<String, String> NUMBER = Map.of("A", A, "B", B, "C", C, "D", D);

    final PhoneGateway gw;
    private final Map<String, SipPhone> phones = new LinkedHashMap<>();

    private SipRows(PhoneGateway gw) {
        this.gw = gw;
    }

    /** Starts the gateway with {@code extra} configuration lines and the FAC pairs, and registers A..D. */
    static SipRows start(Path data, String extra, String... facPairs) throws Exception {
        return start(data, extra, Map.of(), facPairs);
    }

    /** As {@link #start(Path, String, String...)} with extra lines for the phones' {@code voice register dn} (by number). */
    static SipRows start(Path data, String extra, Map<String, String> dnLines, String... facPairs) throws Exception {
        SipRows rows = new SipRows(PhoneGateway.of(config(extra, dnLines, facPairs), data));
        try {
            for (String n : List.of(A, B, C, D)) {
                rows.phones.put(n, rows.gw.registeredPhone(n));
            }
        } catch (Exception | AssertionError e) {
            rows.close();
            throw e;
        }
        return rows;
    }

    static String config(String extra, Map<String, String> dnLines, String... facPairs) {
        StringBuilder b = new StringBuilder("""
                hostname rows
                aaa new-model
                aaa authentication login default local
                aaa authentication login h323 local
                aaa authorization exec h323 local
                aaa authorization network h323 local
                aaa session-id common
                voice lpcor enable
                voice lpcor custom
                 group 1 GA
                 group 2 GB
                 group 3 GC
                 group 4 GD
                """);
        for (String dst : List.of("A", "B", "C", "D")) {
            List<String> facFrom = java.util.Arrays.stream(facPairs).filter(p -> p.endsWith(">" + dst))
                    .map(p -> p.substring(0, 1)).toList();
            if (facFrom.isEmpty()) {
                continue;
            }
            b.append("voice lpcor policy ").append(GROUP.get(dst)).append('\n').append(" service fac\n");
            for (String src : List.of("A", "B", "C", "D")) {
                b.append(" accept ").append(GROUP.get(src)).append(facFrom.contains(src) ? " fac" : "").append('\n');
            }
        }
        b.append("""
                application
                 package auth
                  param passwd-prompt flash:en_bacd_welcome.au
                  param passwd 54321
                  param user-prompt flash:en_bacd_enter_dest.au
                  param term-digit #
                  param abort-digit *
                  param max-digits 32
                username 786 password 0 54321
                voice register global
                 source-address 127.0.0.1
                """);
        int i = 1;
        for (String p : List.of("A", "B", "C", "D")) {
            b.append("voice register dn ").append(i).append("\n number ").append(NUMBER.get(p)).append('\n');
            String more = dnLines.getOrDefault(NUMBER.get(p), "");
            if (!more.isEmpty()) {
                b.append(more.endsWith("\n") ? more : more + "\n");
            }
            i++;
        }
        b.append(extra.endsWith("\n") || extra.isEmpty() ? extra : extra + "\n");
        i = 1;
        for (String p : List.of("A", "B", "C", "D")) {
            b.append("voice register pool ").append(i).append("\n number 1 dn ").append(i)
                    .append("\n lpcor incoming ").append(GROUP.get(p))
                    .append("\n lpcor outgoing ").append(GROUP.get(p)).append('\n');
            i++;
        }
        return b.append("end\n").toString();
    }

    SipPhone phone(String number) {
        return phones.get(number);
    }

    /** A connected call: {@code out} at the caller's phone, {@code in} at the callee's. */
    record Call(PhoneCall out, PhoneCall in) {}

    /** {@code from} calls {@code to} (no FAC expected) and {@code to} answers. */
    Call connect(String from, String to) {
        PhoneCall out = phone(from).call(to);
        PhoneCall in = phone(to).awaitIncoming();
        in.answer();
        out.expectState(PhoneCall.State.CONFIRMED);
        return new Call(out, in);
    }

    /** The two phones' calls carry each other's tones (RTP end to end through the gateway). */
    static void assertTalking(PhoneCall x, PhoneCall y) {
        x.media().playTone(700);
        y.media().playTone(1300);
        assertTrue(y.awaitHearing(700), "the other side hears " + x);
        assertTrue(x.awaitHearing(1300), "the other side hears " + y);
        x.media().stop();
        y.media().stop();
    }

    /** Waits until a live call from {@code number} collects a FAC (that party is asked). */
    void awaitAsked(String number) {
        PhoneGateway.await(() -> gw.facAskedFrom(number), number + " is asked for a FAC; calls: " + gw.activeCalls());
    }

    /** Waits until the live call calling→called is in call-control state {@code state} ({@code Alerting}, {@code Connected}). */
    void awaitCall(String calling, String called, String state) {
        PhoneGateway.await(() -> gw.activeCalls().stream().anyMatch(v -> v.callingNumber().equals(calling)
                && v.calledNumber().equals(called) && v.state().equals(state)),
                calling + "->" + called + " " + state + "; calls: " + gw.activeCalls());
    }

    /**
     * Waits until {@code number} is asked and its phone hears the FAC prompt on {@code call}: the
     * prompt's audio arrives in that dialog's RTP and the {@code dsp} tone classifier calls it voice
     * (not a tone, not silence).
     */
    void awaitAskedOn(String number, PhoneCall call) {
        awaitAsked(number);
        assertTrue(PhoneGatewayChecks.poll(() -> call.media().heard() == org.tollgate.dsp.tone.Heard.VOICE),
                number + " hears the FAC prompt on " + call + ": " + call.media().heard());
    }

    /** True while some call collects a FAC. */
    boolean anyoneAsked() {
        return gw.anyFacAsked();
    }

    /** Waits for the committed feature record {@code fn} and returns it. */
    FeatureRecord awaitFeature(String fn) {
        PhoneGateway.await(() -> !gw.features(fn).isEmpty(), "feature record " + fn + "; have " + gw.features());
        return gw.features(fn).getFirst();
    }

    /** The value of the VSA attribute {@code key} of {@code f}. */
    static Optional<String> attribute(FeatureRecord f, String key) {
        return f.attributes().stream().filter(a -> a.key().equals(key)).map(FeatureRecord.Attribute::value).findFirst();
    }

    /** Waits for the CDR legs of the call whose incoming leg called {@code called} from {@code calling}. */
    List<CallLegRecord> awaitCdrs(String calling, String called) {
        PhoneGateway.await(() -> !cdrsOf(calling, called).isEmpty(), "CDRs of " + calling + "->" + called
                + "; have " + gw.cdrs().stream().map(r -> r.callingNumber() + ">" + r.calledNumber()).toList());
        return cdrsOf(calling, called);
    }

    private List<CallLegRecord> cdrsOf(String calling, String called) {
        return gw.cdrs().stream().filter(r -> r.callingNumber().equals(calling) && r.calledNumber().equals(called))
                .toList();
    }

    /** Asserts every CDR leg of calling→called carries FAC success with code 786. */
    void assertFacOnCdrs(String calling, String called) {
        List<CallLegRecord> legs = awaitCdrs(calling, called);
        assertTrue(legs.stream().allMatch(r -> r.facStatus().equals(Optional.of(FacStatus.SUCCESS))
                && r.facDigits().equals("786")), "FAC on the CDRs: " + legs);
    }

    /** Asserts no CDR leg of calling→called carries a FAC. */
    void assertNoFacOnCdrs(String calling, String called) {
        List<CallLegRecord> legs = awaitCdrs(calling, called);
        assertTrue(legs.stream().allMatch(r -> r.facStatus().isEmpty()), "no FAC on the CDRs: " + legs);
    }

    static void assertFinal(PhoneCall call, int status) {
        call.expectState(PhoneCall.State.TERMINATED);
        assertEquals(status, call.finalStatus(), call.statuses().toString());
    }

    @Override public void close() {
        gw.close();
    }
}
