package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The read calls: GetEndpoints, GetEndPointProfile, fetchSIM, fetchICCIDForProvisioning and the catalog. */
class QueriesTest extends ApiTestBase {

    private static List<String> ids(Resp r) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : r.response().path("responseParam").path("endpoints")) out.add(e.path("id").asString());
        return out;
    }

    @Test
    void getEndpointsPagingTagsAndFields() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(5);
        Api api = t.api();
        String tag = api.post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "batch-1")))))
                .expect("10149").response().path("tagId").asString();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Fixtures.endpoint(t, t.iccids().get(i), i % 2 == 0, "tagIds", i < 3 ? tag : ""));
        }
        created.add(Fixtures.endpoint(t, null, false));
        List<String> all = created.stream().map(String::valueOf).toList();

        Resp first = api.get("/api/GetEndpoints?page=1&perPage=4").expect("6742");
        assertEquals("6", first.response().path("totalNoOfRecords").asString());
        assertEquals("2", first.response().path("totalNoOfPages").asString());
        assertEquals(all.subList(0, 4), ids(first));
        assertEquals(all.subList(4, 6), ids(api.get("/api/GetEndpoints?page=2&perPage=4")));
        assertEquals(List.of(), ids(api.get("/api/GetEndpoints?page=3&perPage=4").expect("6742")));
        assertEquals(all.subList(0, 3), ids(api.get("/api/GetEndpoints?tagId=" + tag)));
        assertEquals("3", api.get("/api/GetEndpoints?tagId=" + tag).response().path("totalNoOfRecords").asString());
        assertEquals(all.subList(3, 6), ids(api.get("/api/GetEndpoints?tagId=null")));
        assertEquals(List.of(), ids(api.get("/api/GetEndpoints?tagId=42")));

        JsonNode rows = api.get("/api/GetEndpoints").response().path("responseParam").path("endpoints");
        JsonNode e0 = rows.get(0);
        assertEquals("A", e0.path("status").asString());
        assertEquals(t.iccids().get(0), e0.path("iccid").asString());
        assertTrue(e0.path("imsi").asString().matches("\\d{15}"));
        assertTrue(e0.path("msisdn").asString().matches("\\d+"));
        assertEquals("1", e0.path("type").asString());
        assertEquals("-", e0.path("eid").asString());
        assertEquals("UNLOCK", e0.path("imeiLockStatus").asString());
        assertEquals("batch-1", e0.path("tagIdList").get(0).path("tagName").asString());
        assertEquals("PA", rows.get(1).path("status").asString());
        assertEquals("PA", rows.get(5).path("status").asString());
        assertTrue(rows.get(5).path("iccid").isMissingNode());

        api.get("/api/GetEndpoints?perPage=2001").expect("1001").expectDescription("Wrong input parameter - perPage");
        api.get("/api/GetEndpoints?perPage=0").expect("1001");
        api.get("/api/GetEndpoints?page=x").expect("1001").expectDescription("Wrong input parameter - page");
        api.get("/api/GetEndpoints?tagId=abc").expect("1001");
        assertEquals(2000, Integer.parseInt(api.get("/api/GetEndpoints?perPage=2000").response().path("totalNoOfRecords").asString()) + 1994);
        // the summary's single-endpoint variant
        assertEquals(List.of(all.get(1)), ids(api.get("/api/GetEndpoint?endpointId=" + all.get(1))));
    }

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Pages are found through the per-bucket counts of live endpoints (8192 ids a bucket): with
     * endpoints spread over several buckets, some buckets emptied by deletes, every page of every
     * size is the slice of the id-ordered list it should be.
     */
    @Test
    void getEndpointsPagesAcrossIdBuckets() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(0);
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            if (i % 3 == 0) jdbc.queryForObject("SELECT setval('endpoint_id_seq', nextval('endpoint_id_seq') + 8192 * ?)", Long.class, i % 2 + 1);
            long ep = Fixtures.endpoint(t, null, false);
            if (i == 4 || i == 6) {
                t.api().post("/api/DeleteEndPoint", map("Request", map("endPointId", Long.toString(ep)))).expect("10159");
            } else {
                live.add(Long.toString(ep));
            }
        }
        long buckets = jdbc.queryForObject("SELECT count(DISTINCT bucket) FROM endpoint_bucket_count WHERE account_id = ?", Long.class, t.accountId());
        assertTrue(buckets >= 3, "spread over " + buckets + " buckets");
        assertEquals("7", t.api().get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());
        for (int perPage = 1; perPage <= 8; perPage++) {
            for (int page = 1; page <= 8 / perPage + 1; page++) {
                int from = Math.min((page - 1) * perPage, live.size());
                assertEquals(live.subList(from, Math.min(from + perPage, live.size())),
                        ids(t.api().get("/api/GetEndpoints?page=" + page + "&perPage=" + perPage)), "page " + page + " of " + perPage);
            }
        }
    }

    /** Our GetPlans: the account's plans as rows, or an endpoint's base plan and the add-ons it holds with their uniqueIds. */
    @Test
    void getPlans() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(1);
        String rp = Fixtures.roamingProfile(t);
        String addon = fx.admin().post("/admin/accounts/" + t.accountId() + "/plans", map("name", "Data 10", "category", "ADDON",
                "roamingProfileIds", List.of(Long.parseLong(rp)), "serviceProfileId", Fixtures.serviceProfile(t),
                "benefits", List.of(map("type", "DATA", "amount", 10)))).json().path("id").asString();

        JsonNode rows = t.api().get("/api/GetPlans").expect("10902").response().path("responseParam").path("rows");
        JsonNode rated = t.api().get("/api/QueryRatePlan").response().path("responseParam").path("plan");
        assertEquals(rated.size(), rows.size(), "every plan of the account");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertFalse(row.path("roamingProfileIds").isEmpty(), row.toString());
            assertEquals(row.path("destGroupId").asString(), row.path("roamingProfileId").asString().replace('|', ','));
        }
        JsonNode post = null;
        for (JsonNode row : rows) if (row.path("planId").asString().equals(t.postPlan())) post = row;
        assertEquals(rp, post.path("roamingProfileIds").get(0).asString());

        long ep = Fixtures.endpoint(t, t.iccids().get(0), true, "addonPlanIds", addon);
        JsonNode held = t.api().get("/api/GetPlans?endPointId=" + ep).expect("10902").response().path("responseParam").path("rows");
        assertEquals(2, held.size(), held.toString());
        assertEquals(t.postPlan(), held.get(0).path("planId").asString());
        assertTrue(held.get(0).path("uniqueId").isMissingNode(), "the base plan is no subscription");
        assertEquals(addon, held.get(1).path("planId").asString());
        String uniqueId = t.api().get("/api/GetEndPointProfile?endPointId=" + ep).response().path("info").path("PromotionalPlans")
                .path("plan").get(0).path("uniqueId").asString();
        assertEquals(uniqueId, held.get(1).path("uniqueId").asString(), "the uniqueId UpdateThreshold takes");
        assertEquals("DATA", held.get(1).path("benefit").get(0).path("benefitType").asString());

        t.api().get("/api/GetPlans?endPointId=999").expect("1083");
        t.api().get("/api/GetPlans?endPointId=abc").expect("1001").expectDescription("Wrong input parameter - endPointId");
    }

    @Test
    void endpointProfile() {
        Api api = as("customer");
        Resp r = api.get("/api/GetEndPointProfile?endPointId=51368592").expect("1082");
        JsonNode b = r.response().path("info").path("basicInfo");
        assertEquals("51368592", b.path("endPointId").asString());
        assertEquals("Endpoint", b.path("name").asString());
        assertEquals("A", b.path("currentStatus").asString());
        assertEquals("Active", b.path("endpointStatus").asString());
        assertEquals("DEFAULTPOST41078552", b.path("planId").asString());
        assertEquals("Postpaid", b.path("subscriberTypeName").asString());
        assertEquals("bicsapn", b.path("apn").asString());
        assertEquals("PDP_1108", b.path("apnGroupId").asString());
        assertEquals("358", b.path("roamingProfileId").asString());
        assertEquals("DEFAULT", b.path("roamingProfileName").asString());
        assertEquals("2G/3G/4G/5G", b.path("ratTypeName").asString());
        assertEquals("8932042000000015190", b.path("iccid").asString());
        assertEquals("206281000015190", b.path("imsi").asString());
        assertEquals("327700040915190", b.path("msisdn").asString());
        assertEquals("UNLOCK", b.path("imeiLockStatus").asString());
        assertEquals("Active", b.path("enterpriseDataService").asString());
        assertTrue(b.path("creationDate").asString().matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d"));
        api.get("/api/GetEndPointProfile?endPointId=1").expect("1083");
        api.get("/api/GetEndPointProfile").expect("1000").expectDescription("Mandatory parameter missing - endPointId");
        api.get("/api/GetEndPointProfile?endPointId=x1").expect("1001").expectDescription("Wrong input parameter - endPointId");
    }

    @Test
    void fetchSimFiltersAndPaging() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(5);
        Fixtures.endpoint(t, t.iccids().get(1), true);
        Fixtures.endpoint(t, t.iccids().get(2), false);
        Api api = t.api();
        Resp page = api.get("/api/fetchSIM?page=2&perPage=2").expect("10021");
        assertEquals("5", page.response().path("totalNoOfRecords").asString());
        assertEquals("3", page.response().path("totalNoOfPages").asString());
        assertEquals(t.iccids().get(2), page.response().path("responseParam").path("rows").get(0).path("iccid").asString());
        assertEquals("3", api.get("/api/fetchSIM?simStatusId=5").response().path("totalNoOfRecords").asString());
        assertEquals("1", api.get("/api/fetchSIM?simStatusId=6").response().path("totalNoOfRecords").asString());
        JsonNode pre = api.get("/api/fetchSIM?simStatusId=12").response().path("responseParam").path("rows").get(0);
        assertEquals("Pre-Active", pre.path("simStatus").asString());
        assertEquals("2", api.get("/api/fetchSIM?simAttachStatusId=1").response().path("totalNoOfRecords").asString());
        assertEquals("3", api.get("/api/fetchSIM?simAttachStatusId=0").response().path("totalNoOfRecords").asString());
        api.get("/api/fetchSIM?simStatusId=99").expect("1001").expectDescription("Wrong input parameter - simStatusId");
        api.get("/api/fetchSIM?perPage=2001").expect("1001");
        api.get("/api/fetchSIM?iccid=8932042999999999999").expect("1359");
        api.get("/api/fetchSIM?iccid=abc").expect("1001");
    }

    @Test
    void iccidRangesForProvisioning() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(6);
        Fixtures.endpoint(t, t.iccids().get(2), false);
        JsonNode rows = t.api().get("/api/fetchICCIDForProvisioning").expect("10048").response().path("responseParam").path("rows");
        assertEquals(2, rows.size());
        assertEquals(t.iccids().get(0) + "-" + t.iccids().get(1), rows.get(0).path("iccidRange").asString());
        assertEquals("2", rows.get(0).path("quantity").asString());
        assertEquals(t.iccids().get(3) + "-" + t.iccids().get(5), rows.get(1).path("iccidRange").asString());
        assertEquals("3", rows.get(1).path("quantity").asString());
        assertEquals("Ready To Activate", rows.get(1).path("simStatus").asString());
    }

    @Test
    void catalogCalls() {
        Api api = as("customer");
        assertEquals(2, api.get("/api/QueryRatePlan?planCategory=NORMAL").response().path("responseParam").path("plan").size());
        JsonNode addons = api.get("/api/QueryRatePlan?planCategory=ADDON").expect("10902").response().path("responseParam").path("plan");
        assertEquals(2, addons.size());
        JsonNode post = api.get("/api/QueryRatePlan?planCategory=BASE&planType=1").response().path("responseParam").path("plan");
        assertEquals(1, post.size());
        assertEquals("DEFAULTPOST41078552", post.get(0).path("basicInfo").path("planId").asString());
        assertEquals("DEFAULT POSTPAID PLAN", post.get(0).path("basicInfo").path("planName").asString());
        api.get("/api/QueryRatePlan?planCategory=GOLD").expect("1001").expectDescription("Wrong input parameter - planCategory");
        api.get("/api/QueryRatePlan?planType=7").expect("1001");
        JsonNode oemTest = as("oem").get("/api/QueryRatePlan?planCategory=TEST").response().path("responseParam").path("plan");
        assertEquals(2, oemTest.size());
        assertEquals(2, as("oem").get("/api/QueryRatePlan?planCategory=INVENTORY").response().path("responseParam").path("plan").size());

        JsonNode sp = api.get("/api/GetServiceProfile").expect("10903").response().path("responseParam").path("rows").get(0);
        assertEquals("SP_319", sp.path("profileId").asString());
        assertEquals("DEFAULT", sp.path("profileName").asString());
        assertFalse(sp.path("feature").isEmpty());
        api.get("/api/GetServiceProfile?serviceProfileId=SP_1").expect("1359");

        JsonNode rp = api.get("/api/GetRoamingProfiles?roamingProfileId=358").expect("10904").response().path("responseParam").path("rows").get(0);
        assertEquals("358", rp.path("roamingProfileId").asString());
        List<String> tadigs = new ArrayList<>();
        for (JsonNode n : rp.path("tadigList")) tadigs.add(n.path("tadigCode").asString());
        assertTrue(tadigs.containsAll(List.of("SURDC", "USACG", "HTICC", "PYFPM")), tadigs.toString());
        assertTrue(rp.path("tadigList").get(0).path("categoryGroupId").asString().startsWith("IR"));
        api.get("/api/GetRoamingProfiles?roamingProfileId=1").expect("1359");

        JsonNode products = api.get("/api/GetSIMProduct").expect("10905").response().path("responseParam").path("rows");
        assertEquals("IR1-1EU28-Multi", products.get(0).path("simProductName").asString());
        assertEquals("MFF2", products.get(0).path("cardClassName").asString());

        JsonNode profile = api.get("/api/GetCustomerProfile").expect("10907").response().path("responseParam");
        assertEquals("358", profile.path("destGroupId").asString());
        assertEquals("Customer", profile.path("accountName").asString());
    }

    @Test
    void tags() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(0);
        Resp two = t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(
                map("tagName", "alpha", "tagDescription", "first"), map("tagName", "beta_2")))));
        two.expect("10149");
        assertEquals(2, two.response().path("tagId").asString().split(",").length);
        JsonNode list = t.api().get("/api/GetTags").expect("10906").response().path("responseParam").path("tagIdList");
        assertEquals(2, list.size());
        assertEquals("alpha", list.get(0).path("tagName").asString());
        assertEquals("first", list.get(0).path("tagDescription").asString());
        t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "bad/name"))))).expect("1001");
        t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "x".repeat(101)))))).expect("1001");
        t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagDescription", "no name"))))).expect("1000");
        t.api().post("/api/createTag", map()).expect("1000").expectDescription("Mandatory parameter missing - tagInfo");
        assertEquals(2, t.api().get("/api/GetTags").response().path("responseParam").path("tagIdList").size());
    }
}
