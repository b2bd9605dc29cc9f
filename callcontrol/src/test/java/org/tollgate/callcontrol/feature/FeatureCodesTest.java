package org.tollgate.callcontrol.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.feature.forward.ForwardKind;

class FeatureCodesTest {
    static FeatureCodes.Match m(String d, boolean ended) {
        return FeatureCodes.match(d, ended);
    }

    @Test
    @DisplayName("The code table: **1N# CFA, **2, **3, **4G#, **5N#, **6, **7N#, **8N#, **9; number codes end with # or the timeout")
    void table() {
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.SetForward(ForwardKind.ALL, "2001")), m("**12001#", false));
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.SetForward(ForwardKind.ALL, "2001")), m("**12001", true));
        assertEquals(new FeatureCodes.Incomplete(), m("**12001", false));
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.ClearForward(Optional.of(ForwardKind.ALL))), m("**2", false));
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.GroupPickup(Optional.empty())), m("**3", false));
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.GroupPickup(Optional.of("5"))), m("**45#", false));
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.DirectedPickup("1002")), m("**51002#", false));
        assertEquals(new FeatureCodes.Park(), m("**6", false));
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.SetForward(ForwardKind.BUSY, "3")), m("**73#", false));
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.SetForward(ForwardKind.NO_ANSWER, "3")), m("**83#", false));
        assertEquals(new FeatureCodes.Complete(new FeatureRequest.ClearForward(Optional.empty())), m("**9", false));
    }

    @Test
    @DisplayName("Prefixes keep collecting; other digits are not codes; malformed codes are invalid")
    void prefixesAndInvalid() {
        assertEquals(new FeatureCodes.Incomplete(), m("*", false));
        assertEquals(new FeatureCodes.Incomplete(), m("**", false));
        assertEquals(new FeatureCodes.NotACode(), m("1001", false));
        assertEquals(new FeatureCodes.NotACode(), m("*1", false));
        assertEquals(new FeatureCodes.Invalid(), m("**0", false));
        assertEquals(new FeatureCodes.Invalid(), m("**1#", false));
        assertEquals(new FeatureCodes.Invalid(), m("**1", true));
        assertEquals(new FeatureCodes.Invalid(), m("**21", false));
        assertEquals(new FeatureCodes.Invalid(), m("**" + "1".repeat(FeatureCodes.MAX_LENGTH), false));
    }
}
