package io.simfleet.endpoint;

import static io.simfleet.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.common.ResultCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Modify Endpoint's rules that need no database: which request is empty, the field formats a bulk
 * refuses at once, the IMEI lock and the bar flags (10230–10233). The rules on what the endpoint
 * holds (add-ons by uniqueId, tags, value-added features, dynamic benefits 10145/10147/10077,
 * 2503 for add-ons outside A/AT/AI) read the endpoint's rows and stay with ModifyEndpointTest.
 */
class ModifyRulesTest {
    static ModifyEndpoint modify(Boolean imeiLock, String imei, String name, Map<String, Boolean> bars) {
        return new ModifyEndpoint(imeiLock, imei, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), name, new LinkedHashMap<>(bars), null, null);
    }

    static Endpoint endpoint(String imei, boolean locked) {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        return new Endpoint(1, 51368592, "tracker 01", EndpointStatus.ACTIVE, 1, "DEFAULTPOST1", "PDP_1", List.of(10L), null,
                imei, locked, null, t, t, t, t, 0, List.of(), null);
    }

    @Test
    void anEmptyRequestIsEmpty() {
        assertTrue(modify(null, null, null, Map.of()).isEmpty());
        assertFalse(modify(null, "", null, Map.of()).isEmpty(), "\"\" clears the IMEI");
        assertFalse(modify(false, null, null, Map.of()).isEmpty());
        assertFalse(modify(null, null, "tracker 02", Map.of()).isEmpty());
        assertFalse(modify(null, null, null, Map.of("DATA", true)).isEmpty());
    }

    @Test
    void fieldsABulkRefusesAtOnce() {
        EndpointModifier.checkFields(modify(null, "", "tracker 02", Map.of()));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "endPointName", () -> EndpointModifier.checkFields(modify(null, null, "x", Map.of())));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "imei", () -> EndpointModifier.checkFields(modify(null, "123", null, Map.of())));
    }

    private static Endpoint imei(Endpoint e, Boolean lock, String imei) {
        return e.withImei(lock, imei);
    }

    @Test
    void imeiLock() {
        Endpoint unlocked = endpoint("12345678901234", false);
        Endpoint locked = imei(unlocked, true, null);
        assertTrue(locked.imeiLocked());
        assertEquals("12345678901234", locked.imei(), "LOCK alone locks to the IMEI held");
        assertEquals("99999999999999", imei(unlocked, true, "99999999999999").imei(), "an unlocked endpoint may lock to another IMEI");
        refused(ResultCode.MODIFY_ENDPOINT_FAILURE, null, () -> imei(locked, true, "99999999999999"));
        refused(ResultCode.MODIFY_ENDPOINT_FAILURE, null, () -> imei(locked, null, "99999999999999"));
        assertEquals("12345678901234", imei(locked, true, "12345678901234").imei(), "the same IMEI again is fine");
        Endpoint reopened = imei(locked, false, "99999999999999");
        assertFalse(reopened.imeiLocked());
        assertEquals("99999999999999", reopened.imei(), "UNLOCK with another IMEI");
        assertEquals(null, imei(unlocked, null, "").imei(), "\"\" clears the IMEI");
        refused(ResultCode.WRONG_INPUT_PARAMETER, "imei", () -> imei(unlocked, null, "12"));
    }

    private static final Set<String> OFFERED = new LinkedHashSet<>(List.of("DATA", "SMS_MO", "SMS_MT"));
    private static final List<String> RATS_2G_3G = EndpointModifier.RATS.get("01");

    private static List<String> bar(List<String> barredNow, Object... flags) {
        Map<String, Boolean> bars = new LinkedHashMap<>();
        for (int i = 0; i < flags.length; i += 2) bars.put((String) flags[i], (Boolean) flags[i + 1]);
        return EndpointModifier.barred(OFFERED, RATS_2G_3G, barredNow, bars);
    }

    @Test
    void barAndUnbarServicesAndRatsInRequestOrder() {
        assertEquals(List.of("DATA", "2G"), bar(List.of(), "DATA", true, "2G", true));
        assertEquals(List.of("SMS_MO"), bar(List.of("SMS_MO", "2G"), "2G", false));
        assertEquals(List.of("SMS_MT"), bar(List.of("DATA", "2G/3G"), "DATA", false, "2G/3G", false, "SMS_MT", true),
                "DATA unbarred first, so the RAT may follow");
    }

    @Test
    void allServicesActsOnTheProfilesServicesOnly() {
        assertEquals(List.of("2G", "DATA", "SMS_MO", "SMS_MT"), bar(List.of("2G"), "All_Services", true, "DATA", false),
                "All_Services overrides the other flags");
        assertEquals(List.of("2G"), bar(List.of("2G", "DATA", "SMS_MO"), "All_Services", false));
        refused(ResultCode.SERVICE_ALREADY_BARRED, "All_Services", () -> bar(List.of("DATA", "SMS_MO", "SMS_MT"), "All_Services", true));
        refused(ResultCode.SERVICE_ALREADY_UNBARRED, "All_Services", () -> bar(List.of("2G"), "All_Services", false));
    }

    @Test
    void serviceNotPresent10232() {
        refused(ResultCode.SERVICE_NOT_PRESENT, "NB_IOT", () -> bar(List.of(), "NB_IOT", true));
        refused(ResultCode.SERVICE_NOT_PRESENT, "4G", () -> bar(List.of(), "4G", true));
    }

    @Test
    void serviceAlreadyBarred10230() {
        refused(ResultCode.SERVICE_ALREADY_BARRED, "SMS_MT", () -> bar(List.of("SMS_MT"), "SMS_MT", true));
        refused(ResultCode.SERVICE_ALREADY_BARRED, "2G", () -> bar(List.of("2G"), "DATA", true, "2G", true));
    }

    @Test
    void serviceAlreadyUnbarred10231() {
        refused(ResultCode.SERVICE_ALREADY_UNBARRED, "SMS_MO", () -> bar(List.of(), "SMS_MO", false));
        refused(ResultCode.SERVICE_ALREADY_UNBARRED, "2G", () -> bar(List.of(), "2G", false));
    }

    @Test
    void unbarringARatWhileDataIsBarred10233() {
        refused(ResultCode.UNBAR_RAT_DATA_BARRED, null, () -> bar(List.of("DATA", "2G"), "2G", false));
        assertEquals(List.of("DATA"), bar(List.of("DATA", "SMS_MO"), "SMS_MO", false), "a service may be unbarred while DATA is barred");
    }
}
