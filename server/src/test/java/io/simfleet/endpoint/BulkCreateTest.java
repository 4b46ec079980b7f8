package io.simfleet.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk create's generated names, ICCID ranges and lists (no Spring, no database). */
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
        // a…a_1 is 60 characters, a…a_10000 is 65: one more than a name may have
        bulk("a".repeat(58), 1, 9999).checkNames();
        DomainException e = assertThrows(DomainException.class, () -> bulk("a".repeat(59), 1, 10000).checkNames());
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, e.code());
        assertEquals("endPointName", e.detail());
    }

    @Test
    void namesRealIntegrationsSendAreAccepted() {
        bulk("ab", 1, 10).checkNames();
        bulk("fleet-1a2b", 1, 10).checkNames();
        bulk("Device #", 1, 10).checkNames();
    }

    @Test
    void aNameWithAForbiddenCharacterIsRefused() {
        DomainException e = assertThrows(DomainException.class, () -> bulk("tracker\u0007x", 1, 10).checkNames());
        assertEquals("endPointName", e.detail());
    }

    private static void refused(ResultCode code, String detail, Runnable r) {
        DomainException e = assertThrows(DomainException.class, r::run);
        assertEquals(code, e.code());
        if (detail != null) assertEquals(detail, e.detail());
    }

    @Test
    void aRangeIsQuantityConsecutiveIccidsEndingAtEndIccid() {
        List<String> iccids = BulkCreate.iccidsOfRange("8932042000000016199", 3L, "8932042000000016201");
        assertEquals(List.of("8932042000000016199", "8932042000000016200", "8932042000000016201"), iccids);
        assertEquals(4000, BulkCreate.iccidsOfRange("8932042000000016190", 4000L, null).size());
        refused(ResultCode.WRONG_INPUT_PARAMETER, "endICCID", () -> BulkCreate.iccidsOfRange("8932042000000016199", 3L, "8932042000000016202"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "startICCID", () -> BulkCreate.iccidsOfRange("893204200000001619", 3L, null));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "startICCID", () -> BulkCreate.iccidsOfRange("89320420000000161٩9", 3L, null));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "quantity", () -> BulkCreate.iccidsOfRange("8932042000000016199", null, null));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "quantity", () -> BulkCreate.iccidsOfRange("8932042000000016199", 0L, null));
        refused(ResultCode.MAXIMUM_COUNT_EXCEEDED, "quantity", () -> BulkCreate.iccidsOfRange("8932042000000016199", 4001L, null));
    }

    @Test
    void aListHoldsUpTo4000DistinctNineteenDigitIccids() {
        assertEquals(List.of("8932042000000016190"), BulkCreate.iccidsOfList(List.of("8932042000000016190")));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "iccidList", () -> BulkCreate.iccidsOfList(List.of()));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "iccidList", () -> BulkCreate.iccidsOfList(List.of("89320420000000161")));
        refused(ResultCode.BULK_ICCID_LIST_DUPLICATES, null,
                () -> BulkCreate.iccidsOfList(List.of("8932042000000016190", "8932042000000016190")));
        List<String> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 4001; i++) tooMany.add(Long.toString(8932042000000016190L + i));
        refused(ResultCode.MAXIMUM_COUNT_EXCEEDED, "iccidList", () -> BulkCreate.iccidsOfList(tooMany));
    }
}
