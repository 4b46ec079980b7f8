package io.simfleet.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk create's generated names. The ICCID range expansion and the 4000 cap sit in BulkController (BulkJobsTest over HTTP). */
class BulkCreateTest {
    static BulkCreate bulk(String name, long firstNameId, int count) {
        return new BulkCreate(name, firstNameId, Collections.nCopies(count, "8932042000000016190"), "PDP_1", "DEFAULTPOST1",
                List.of(10L), null, null, null, List.of(), List.of(), List.of(), false);
    }

    @Test
    void namesAreNameUnderscoreNumber() {
        BulkCreate b = bulk("tracker", 98, 3);
        assertEquals("tracker_98", b.nameOf(0));
        assertEquals("tracker_100", b.nameOf(2));
    }

    @Test
    void validNamesPass() {
        bulk("abc", 1, 4000).checkNames();
        bulk("a".repeat(25), 1, 9999).checkNames(); // a_9999 is 30 characters
    }

    @Test
    void theLastNameTooLongIsRefused() {
        DomainException e = assertThrows(DomainException.class, () -> bulk("a".repeat(25), 1, 10000).checkNames());
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, e.code());
        assertEquals("endPointName", e.detail());
    }

    @Test
    void theFirstNameTooShortIsRefused() {
        DomainException e = assertThrows(DomainException.class, () -> bulk("ab", 1, 10).checkNames());
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, e.code());
        assertEquals("endPointName", e.detail());
    }

    @Test
    void aNameWithAForbiddenCharacterIsRefused() {
        DomainException e = assertThrows(DomainException.class, () -> bulk("tracker-x", 1, 10).checkNames());
        assertEquals("endPointName", e.detail());
    }
}
