package io.simfleet.admin;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminApiTest extends ApiTestBase {
    Fixtures fx;
    Api admin;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        admin = fx.admin();
    }

    @Test
    void onlyOperatorTokensReachTheOperatorApi() {
        assertEquals(401, anon().get("/admin/accounts").status());
        Resp r = as("customer").get("/admin/accounts");
        assertEquals(403, r.status());
        assertEquals("10002", r.code());
        assertEquals(403, as("reseller").post("/admin/enterprises", map("parentAccountId", 31077026, "name", "x")).status());
        assertEquals(200, admin.get("/admin/accounts").status());
    }

    @Test
    void aNewEnterpriseComesWithItsDefaultCatalogAndUser() {
        Tenant t = fx.enterprise(3);
        Api api = t.api();
        JsonNode apn = api.get("/api/fetchApnGroup").expect("10901").response().path("responseParam").path("rows");
        assertEquals(1, apn.size());
        assertEquals("DEFAULT", apn.get(0).path("apnGroupName").asString());
        JsonNode plans = api.get("/api/QueryRatePlan?planCategory=BASE").expect("10902").response().path("responseParam").path("plan");
        assertEquals(2, plans.size());
        List<String> ids = List.of(plans.get(0).path("basicInfo").path("planId").asString(),
                plans.get(1).path("basicInfo").path("planId").asString());
        assertEquals(List.of(t.postPlan(), t.prePlan()), ids.stream().sorted().toList());
        JsonNode rp = api.get("/api/GetRoamingProfiles").expect("10904").response().path("responseParam").path("rows");
        assertEquals("DEFAULT", rp.get(0).path("roamingProfileName").asString());
        assertTrue(rp.get(0).path("tadigList").size() >= 20);
        assertEquals("3", api.get("/api/fetchSIM").expect("10021").response().path("totalNoOfRecords").asString());
        JsonNode profile = api.get("/api/GetCustomerProfile").expect("10907").response().path("responseParam");
        assertEquals(Long.toString(t.accountId()), profile.path("accountId").asString());
        assertEquals("31077026", profile.path("parentAccountId").asString());
        assertEquals("Postpaid", profile.path("subscriberTypeName").asString());
    }

    @Test
    void enterpriseFlagsAndPrepaid() {
        Resp r = admin.post("/admin/enterprises", map("parentAccountId", 31077026, "name", "Flags Co",
                "subscriberType", "PREPAID", "oemEnabled", true, "dynamicBenefitOnly", true, "lowBalance", false));
        assertEquals(201, r.status(), r.raw());
        long id = r.json().path("id").asLong();
        assertEquals(0, r.json().path("subscriberType").asInt());
        assertTrue(r.json().path("oemEnabled").asBoolean());
        Resp patched = admin.patch("/admin/accounts/" + id, map("lowBalance", true, "oemEnabled", false));
        assertEquals(200, patched.status(), patched.raw());
        assertTrue(patched.json().path("lowBalance").asBoolean());
        assertEquals(false, patched.json().path("oemEnabled").asBoolean());
        assertTrue(patched.json().path("dynamicBenefitOnly").asBoolean());
        assertEquals(true, admin.get("/admin/accounts/" + id).json().path("lowBalance").asBoolean());
    }

    @Test
    void badOperatorInputNamesTheFieldAndChangesNothing() {
        int before = admin.get("/admin/accounts").json().size();
        Resp noParent = admin.post("/admin/enterprises", map("name", "X"));
        assertEquals(400, noParent.status());
        assertEquals("1000", noParent.json().path("resultCode").asString());
        assertTrue(noParent.json().path("resultDescription").asString().contains("parentAccountId"));
        Resp wrongType = admin.post("/admin/enterprises", map("parentAccountId", "not-a-number", "name", "X"));
        assertEquals(400, wrongType.status());
        assertEquals("1001", wrongType.json().path("resultCode").asString());
        assertTrue(wrongType.json().path("resultDescription").asString().contains("parentAccountId"), wrongType.raw());
        Resp badSubscriber = admin.post("/admin/enterprises", map("parentAccountId", 31077026, "name", "X", "subscriberType", "monthly"));
        assertEquals("1001", badSubscriber.json().path("resultCode").asString());
        // a duplicate user name fails after the account row was inserted: the whole creation is undone
        Resp dupUser = admin.post("/admin/enterprises", map("parentAccountId", 31077026, "name", "Dup", "username", "customer", "password", "x12"));
        assertEquals(400, dupUser.status());
        assertTrue(dupUser.json().path("resultDescription").asString().contains("username"));
        assertEquals(before, admin.get("/admin/accounts").json().size());
        Resp unknown = admin.get("/admin/accounts/999");
        assertEquals(404, unknown.status());
        assertEquals("1359", unknown.json().path("resultCode").asString());
        assertEquals(400, admin.post("/admin/enterprises", "{not json").status());
    }

    @Test
    void simImportJsonAndCsvAllOrNothing() {
        Tenant t = fx.enterprise(2);
        // CSV, with supplier IMSIs per sponsor column
        String csv = """
                iccid,masterImsi,msisdn,eid,ean,product,IR1,IR2
                8932042000000019190,206281000019190,327700040919190,,5400847999997,IR1-1EU28-Multi,206018851919190,208090055019190
                8932042000000019191,206281000019191,327700040919191,,5400847999997,IR1-1EU28-Multi,206018851919191,
                """;
        Resp csvImport = admin.send("POST", "/admin/accounts/" + t.accountId() + "/sims", csv, "Content-Type", "text/csv");
        assertEquals(201, csvImport.status(), csvImport.raw());
        assertEquals(2, csvImport.json().path("imported").asInt());
        JsonNode sim = t.api().get("/api/fetchSIM?iccid=8932042000000019190").expect("10021").response().path("responseParam").path("rows").get(0);
        assertEquals("Ready To Activate", sim.path("simStatus").asString());
        assertEquals(2, sim.path("iMSIList").get(0).path("supplierIMSIList").size());
        assertEquals("327700040919190", sim.path("msisdn").asString());

        // a batch with one new ICCID and one already known: refused, the new one not imported
        String again = """
                iccid,masterImsi,msisdn,product
                8932042000000019192,206281000019192,327700040919192,IR1-1EU28-Multi
                8932042000000019190,206281000019199,327700040919199,IR1-1EU28-Multi
                """;
        Resp dup = admin.send("POST", "/admin/accounts/" + t.accountId() + "/sims", again, "Content-Type", "text/csv");
        assertEquals(400, dup.status());
        assertEquals("1001", dup.json().path("resultCode").asString());
        assertTrue(dup.json().path("resultDescription").asString().contains("8932042000000019190"), dup.raw());
        t.api().get("/api/fetchSIM?iccid=8932042000000019192").expect("1359");
        assertEquals("4", t.api().get("/api/fetchSIM").response().path("totalNoOfRecords").asString());

        // JSON with a malformed IMSI: refused naming the field
        Resp bad = admin.post("/admin/accounts/" + t.accountId() + "/sims", map("sims", List.of(
                map("iccid", "8932042000000019193", "masterImsi", "12ab", "msisdn", "327700040919193", "product", "IR1-1EU28-Multi"))));
        assertEquals(400, bad.status());
        assertTrue(bad.json().path("resultDescription").asString().contains("masterImsi"));
        // SIMs only go to enterprises
        assertEquals(400, admin.post("/admin/accounts/31077026/sims", map("sims", List.of())).status());
    }

    @Test
    void simNumbersAreUniqueAcrossAccounts() {
        // the demo customer's first SIM: ICCID 8932042000000015190, IMSI 206281000015190, MSISDN 327700040915190
        Tenant t = fx.enterprise(0);
        Resp iccid = admin.post("/admin/accounts/" + t.accountId() + "/sims", map("sims", List.of(
                map("iccid", "8932042000000015190", "masterImsi", "206281000099001", "msisdn", "327700040999001", "product", "IR1-1EU28-Multi"))));
        assertEquals(400, iccid.status(), iccid.raw());
        assertEquals("Wrong input parameter - iccid (8932042000000015190 already exists)", iccid.json().path("resultDescription").asString());
        Resp msisdn = admin.post("/admin/accounts/" + t.accountId() + "/sims", map("sims", List.of(
                map("iccid", "8932042000000099001", "masterImsi", "206281000099001", "msisdn", "327700040915190", "product", "IR1-1EU28-Multi"))));
        assertEquals(400, msisdn.status(), msisdn.raw());
        assertEquals("Wrong input parameter - msisdn (327700040915190 already exists)", msisdn.json().path("resultDescription").asString());
        Resp imsi = admin.post("/admin/accounts/" + t.accountId() + "/sims", map("sims", List.of(
                map("iccid", "8932042000000099001", "masterImsi", "206281000015190", "msisdn", "327700040999001", "product", "IR1-1EU28-Multi"))));
        assertEquals("Wrong input parameter - imsi (206281000015190 already exists)", imsi.json().path("resultDescription").asString());
        assertEquals("0", t.api().get("/api/fetchSIM").response().path("totalNoOfRecords").asString());
        // numbers nobody holds are imported, and are then taken for every other account
        Resp fresh = admin.post("/admin/accounts/" + t.accountId() + "/sims", map("sims", List.of(
                map("iccid", "8932042000000099001", "masterImsi", "206281000099001", "msisdn", "327700040999001", "product", "IR1-1EU28-Multi"))));
        assertEquals(201, fresh.status(), fresh.raw());
        Tenant other = fx.enterprise(0);
        Resp taken = admin.post("/admin/accounts/" + other.accountId() + "/sims", map("sims", List.of(
                map("iccid", "8932042000000099002", "masterImsi", "206281000099002", "msisdn", "327700040999001", "product", "IR1-1EU28-Multi"))));
        assertEquals("Wrong input parameter - msisdn (327700040999001 already exists)", taken.json().path("resultDescription").asString());
    }

    @Test
    void catalogDefinitionsAreVisibleToTheEnterprise() {
        Tenant t = fx.enterprise(0);
        long acc = t.accountId();
        Resp apn = admin.post("/admin/accounts/" + acc + "/apn-groups", map("name", "SECOND", "defaultApn", "iot.a", "apns", List.of("iot.a", "iot.b")));
        assertEquals(201, apn.status(), apn.raw());
        Resp sp = admin.post("/admin/accounts/" + acc + "/service-profiles", map("name", "DATA ONLY", "ratType", "06"));
        assertEquals(201, sp.status(), sp.raw());
        Resp rp = admin.post("/admin/accounts/" + acc + "/roaming-profiles", map("name", "EUROPE", "networks", List.of(
                map("operatorId", "20601", "operatorName", "Proximus", "categoryGroupId", "IR1", "tadigCode", "BELTB",
                        "countryName", "Belgium", "mccMnc", "20601"))));
        assertEquals(201, rp.status(), rp.raw());
        long rpId = rp.json().path("id").asLong();
        Resp plan = admin.post("/admin/accounts/" + acc + "/plans", map("planId", "EU" + acc, "name", "EUROPE PLAN", "category", "BASE",
                "planType", "POSTPAID", "roamingProfileIds", List.of(rpId), "serviceProfileId", sp.json().path("id").asString()));
        assertEquals(201, plan.status(), plan.raw());
        Resp addon = admin.post("/admin/accounts/" + acc + "/plans", map("name", "EU DATA 500", "category", "ADDON", "planType", "1",
                "roamingProfileIds", List.of(rpId), "serviceProfileId", sp.json().path("id").asString(),
                "benefits", List.of(map("type", "DATA", "amount", 500)),
                "counters", List.of(map("name", "DATA_90", "thresholdValue", 90, "thresholdUnit", "PERCENT", "action", "THROTTLE_512Kbps"))));
        assertEquals(201, addon.status(), addon.raw());
        Resp db = admin.post("/admin/accounts/" + acc + "/dynamic-benefits", map("name", "Pool EU", "roamingProfileIds", List.of(rpId), "dataMb", 1024));
        assertEquals(201, db.status(), db.raw());
        assertEquals(201, admin.post("/admin/accounts/" + acc + "/value-added-features", map("valueAddedFeatureId", "VAF_X", "name", "X")).status());

        assertEquals(2, t.api().get("/api/fetchApnGroup").response().path("responseParam").path("rows").size());
        JsonNode base = t.api().get("/api/QueryRatePlan?planCategory=NORMAL").response().path("responseParam").path("plan");
        assertEquals(3, base.size());
        JsonNode addons = t.api().get("/api/QueryRatePlan?planCategory=ADDON").response().path("responseParam").path("plan");
        assertEquals(1, addons.size());
        assertEquals(Long.toString(rpId), addons.get(0).path("basicInfo").path("destGroupId").asString());
        assertEquals(2, t.api().get("/api/GetRoamingProfiles").response().path("responseParam").path("rows").size());
        assertEquals(1, t.api().get("/api/GetCustomerProfile").response().path("responseParam").path("dynamicBenefits").size());

        // a plan on another account's roaming profile is refused
        Resp foreign = admin.post("/admin/accounts/" + acc + "/plans", map("name", "BAD", "category", "NORMAL",
                "roamingProfileIds", List.of(358), "serviceProfileId", sp.json().path("id").asString()));
        assertEquals(400, foreign.status());
        assertTrue(foreign.json().path("resultDescription").asString().contains("destGroupId"), foreign.raw());
    }

    @Test
    void usersAndActivityLog() {
        Tenant t = fx.enterprise(0);
        String user = Fixtures.uniqueName("second");
        assertEquals(201, admin.post("/admin/accounts/" + t.accountId() + "/users", map("username", user, "password", "pw1")).status());
        assertTrue(anon().loginRaw(user, "pw1", null).json().has("AccessToken"));
        Resp shortPw = admin.post("/admin/accounts/" + t.accountId() + "/users", map("username", user + "b", "password", "p"));
        assertEquals(400, shortPw.status());
        assertTrue(shortPw.json().path("resultDescription").asString().contains("password"));
        assertEquals(200, admin.get("/admin/accounts/" + t.accountId() + "/activity").status());
    }
}
