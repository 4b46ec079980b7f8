package io.simfleet.admin;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile operator input: null list elements, control characters, over-long strings, JSON values
 * of the wrong type, numbers no column can hold, digits that are not ASCII digits. Every one is
 * refused with 1001 naming the field and changes nothing.
 */
class AdminBadInputTest extends ApiTestBase {
    Fixtures fx;
    Api admin;
    Tenant t;
    String base;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        admin = fx.admin();
        t = fx.enterprise(1);
        base = "/admin/accounts/" + t.accountId();
    }

    private static void refused(Resp r, String field) {
        assertEquals(400, r.status(), r.raw());
        assertEquals("1001", r.json().path("resultCode").asString(), r.raw());
        assertEquals("Wrong input parameter - " + field, r.json().path("resultDescription").asString(), r.raw());
        assertFalse(r.raw().contains("Exception"), r.raw());
    }

    /** Everything the enterprise and the operator can see of the tenant's catalog and inventory. */
    private String state() {
        StringBuilder s = new StringBuilder();
        for (String call : List.of("/api/GetServiceProfile", "/api/QueryRatePlan", "/api/fetchApnGroup", "/api/GetRoamingProfiles",
                "/api/GetCustomerProfile", "/api/fetchSIM", "/api/GetSIMProduct")) {
            Resp r = t.api().get(call);
            assertEquals("0", r.result(), call + ": " + r.raw()); // every call still answers
            s.append(r.response().path("responseParam")).append(r.response().path("totalNoOfRecords")).append('\n');
        }
        s.append(admin.get("/admin/accounts").json().size());
        return s.toString();
    }

    private Map<String, Object> plan(Object... extra) {
        Map<String, Object> p = map("name", "ADDON X", "category", "ADDON", "roamingProfileIds",
                List.of(Long.parseLong(Fixtures.roamingProfile(t))), "serviceProfileId", Fixtures.serviceProfile(t));
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        return p;
    }

    private static Map<String, Object> sim(String iccid, Object... extra) {
        Map<String, Object> s = map("iccid", iccid, "masterImsi", "206289900000001", "msisdn", "327799900000001", "product", "IR1-1EU28-Multi");
        for (int i = 0; i < extra.length; i += 2) s.put((String) extra[i], extra[i + 1]);
        return s;
    }

    private static List<Object> listOf(Object... items) {
        return new ArrayList<>(Arrays.asList(items)); // List.of refuses nulls
    }

    @Test
    void nullListElementsAreRefusedNamingTheElement() {
        String before = state();
        refused(admin.post(base + "/service-profiles", map("name", "P", "features", listOf((Object) null))), "features[0]");
        refused(admin.post(base + "/plans", plan("counters", listOf((Object) null))), "counters[0]");
        refused(admin.post(base + "/plans", plan("benefits", listOf(map("type", "DATA", "amount", 5), null))), "benefits[1]");
        refused(admin.post(base + "/plans", plan("roamingProfileIds", listOf((Object) null))), "roamingProfileIds[0]");
        refused(admin.post(base + "/roaming-profiles", map("name", "R", "networks", listOf((Object) null))), "networks[0]");
        refused(admin.post(base + "/apn-groups", map("defaultApn", "a.iot", "apns", listOf("a.iot", null))), "apns[1]");
        refused(admin.post(base + "/dynamic-benefits", map("name", "D", "roamingProfileIds", listOf((Object) null), "dataMb", 1)),
                "roamingProfileIds[0]");
        refused(admin.post(base + "/sims", map("sims", listOf((Object) null))), "sims[0]");
        refused(admin.post(base + "/sims", map("sims", List.of(sim("8932042999000000001", "supplierImsis", listOf((Object) null))))),
                "sims[0].supplierImsis[0]");
        // GetServiceProfile and QueryRatePlan (part of the state) still answer, with nothing added
        assertEquals(before, state());
    }

    @Test
    void controlCharactersAndOverlongStringsAreRefused() {
        String before = state();
        refused(admin.post("/admin/enterprises", map("parentAccountId", Fixtures.RESELLER, "name", "Acme\u0000Corp")), "name");
        refused(admin.post("/admin/resellers", map("parentAccountId", 10000001, "name", "Bell\u0007")), "name");
        refused(admin.post(base + "/roaming-profiles", map("name", "R", "networks", List.of(map("operatorId", "20601",
                "operatorName", "Prox\u0001imus", "categoryGroupId", "IR1", "tadigCode", "BELTB", "countryName", "Belgium",
                "mccMnc", "20601")))), "networks[0].operatorName");
        refused(admin.post(base + "/apn-groups", map("defaultApn", "iot\napn")), "defaultApn");
        refused(admin.post(base + "/apn-groups", map("defaultApn", "a.iot", "apns", List.of("a.iot", "b\u0000"))), "apns[1]");
        refused(admin.post(base + "/plans", plan("name", "x".repeat(256))), "name");
        refused(admin.post(base + "/plans", plan("description", "\u009b")), "description");
        refused(admin.post(base + "/value-added-features", map("valueAddedFeatureId", "VAF\u0000")), "valueAddedFeatureId");
        refused(admin.post(base + "/users", map("username", Fixtures.uniqueName("u"), "password", "pw\u0000pw")), "password");
        refused(admin.post(base + "/sims", map("sims", List.of(sim("8932042999000000001", "activationCode", "LPA:1$x\u0000")))),
                "sims[0].activationCode");
        String csv = "iccid,masterImsi,msisdn,ean,product\n8932042999000000001,206289900000001,327799900000001,54\u000000,IR1-1EU28-Multi\n";
        refused(admin.send("POST", base + "/sims", csv, "Content-Type", "text/csv"), "ean (CSV line 2)");
        refused(admin.post(base + "/value-added-features", map("valueAddedFeatureId", "W" + t.accountId(), "name", "n".repeat(256))), "name");
        assertEquals(before, state());
        // a string of the longest length allowed is fine
        assertEquals(201, admin.post(base + "/value-added-features", map("valueAddedFeatureId", "V" + t.accountId(),
                "name", "n".repeat(255))).status());
    }

    @Test
    void wrongJsonTypesAndNumbersNoColumnHoldsAreRefusedNamingTheField() {
        String before = state();
        refused(admin.post(base + "/plans", plan("amount", 1e308)), "amount");
        refused(admin.post(base + "/plans", plan("amount", new java.math.BigDecimal("1000000000000"))), "amount");
        refused(admin.post(base + "/plans", plan("amount", 0.001)), "amount");
        refused(admin.post(base + "/plans", plan("amount", "12")), "amount");
        refused(admin.post(base + "/plans", plan("validityDays", 1e308)), "validityDays");
        refused(admin.post(base + "/plans", plan("name", 123)), "name");
        refused(admin.post(base + "/plans", plan("counters", List.of(map("name", "C", "thresholdValue", "99999999999999999999")))),
                "counters[0].thresholdValue");
        refused(admin.post(base + "/dynamic-benefits", map("name", "D", "roamingProfileIds", List.of(Long.parseLong(Fixtures.roamingProfile(t))),
                "dataMb", 1.5)), "dataMb");
        refused(admin.post(base + "/dynamic-benefits", map("name", "D", "roamingProfileIds", List.of(Long.parseLong(Fixtures.roamingProfile(t))),
                "dataMb", 1, "priority", 3_000_000_000L)), "priority");
        refused(admin.post("/admin/enterprises", map("parentAccountId", String.valueOf(Fixtures.RESELLER), "name", "Quoted")), "parentAccountId");
        refused(admin.send("POST", "/admin/enterprises", "{\"parentAccountId\":31077026,\"name\":\"Huge\",\"accountId\":99999999999999999999}"),
                "accountId");
        refused(admin.post("/admin/enterprises", map("parentAccountId", Fixtures.RESELLER, "name", "Flag", "oemEnabled", "yes")), "oemEnabled");
        refused(admin.post("/admin/sim-products", map("name", true, "cardClass", "MFF2")), "name");
        refused(admin.post("/admin/sim-products", map("simProductId", -1, "name", "Negative", "cardClass", "MFF2")), "simProductId");
        refused(admin.patch(base, map("lowBalance", 1)), "lowBalance");
        assertEquals(before, state());
    }

    @Test
    void digitsAreAsciiDigits() {
        String before = state();
        String arabicOperator = URLEncoder.encode("١٠٠٠٠٠٠١", StandardCharsets.UTF_8); // 10000001 in Arabic-Indic digits
        refused(admin.get("/admin/accounts/" + arabicOperator), "id");
        refused(admin.get("/admin/accounts/0x989681"), "id"); // 10000001 in hex
        refused(admin.get("/admin/accounts/%2310000001"), "id"); // '#' prefix: hex to Long.decode
        refused(admin.get(base + "/activity?limit=" + URLEncoder.encode("٥", StandardCharsets.UTF_8)), "limit");
        refused(admin.post("/admin/enterprises", map("parentAccountId", "٣١٠٧٧٠٢٦", "name", "Arabic")), "parentAccountId");
        String arabicIccid = "٨٩٣٢٠٤٢٩٩٩٠٠٠٠٠٠٠٠١";
        refused(admin.post(base + "/sims", map("sims", List.of(sim(arabicIccid)))), "iccid (" + arabicIccid + ")");
        String csv = "iccid,masterImsi,msisdn,product\n8932042999000000001,206289900000001,٣٢٧٧٩٩٩٠٠٠٠٠٠٠١,IR1-1EU28-Multi\n";
        refused(admin.send("POST", base + "/sims", csv, "Content-Type", "text/csv"), "msisdn (٣٢٧٧٩٩٩٠٠٠٠٠٠٠١)");
        assertEquals(200, admin.get("/admin/accounts/10000001").status());
        assertEquals(before, state());
    }
}
