package io.simfleet.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultCodeTest {
    @Test
    void everyCodeIsUniqueAndDescribed() {
        Set<Integer> seen = new HashSet<>();
        for (ResultCode c : ResultCode.values()) {
            assertTrue(seen.add(c.code()), "code " + c.code() + " used twice");
            assertTrue(!c.template().isBlank(), c.name());
        }
    }

    @Test
    void descriptionsFillTheFieldName() {
        assertEquals("Mandatory parameter missing - iccid", ResultCode.MANDATORY_PARAMETER_MISSING.describe("iccid"));
        assertEquals("Wrong input parameter - name", ResultCode.WRONG_INPUT_PARAMETER.describe("name"));
        assertEquals("ICCID not available", ResultCode.ICCID_NOT_AVAILABLE.describe(null));
        assertEquals("ICCID not available - ICCID 1", ResultCode.ICCID_NOT_AVAILABLE.describe("ICCID 1"));
    }
}
