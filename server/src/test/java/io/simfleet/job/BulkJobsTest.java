package io.simfleet.job;

import static io.simfleet.testkit.Api.map;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bulk provisioning and bulk modify through HTTP: the immediate answers, the jobs' outcomes, idempotency. */
class BulkJobsTest extends ApiTestBase {
    Fixtures fx;
    Tenant t;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        t = fx.enterprise(10);
    }

    static Map<String, Object> bulk(Tenant t, Object... fields) {
        return Fixtures.bulkBody(t, fields);
    }

    /** Waits for a bulk create to leave Processing and answers its row. */
    static JsonNode awaitProvisioning(Api api, String id) {
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/fetchSIMProvisioningDetails?simProvisionId=" + id).expect("10050")
                        .response().path("responseParam").path("rows").get(0),
                        row -> !row.path("status").asString().equals("Processing"));
    }

    /** Waits for a job to leave Processing and answers its status. */
    static JsonNode awaitJob(Api api, String id) {
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/getJobStatus?jobId=" + id).expect("10909").response().path("responseParam"),
                        job -> !job.path("status").asString().equals("Processing"));
    }

    private long endpoints(Tenant tenant) {
        return Long.parseLong(tenant.api().get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());
    }

    @Test
    void bulkCreateByRangeInPreActiveWithATag() throws Exception {
        String tag = t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "batch-0")))))
                .response().path("tagId").asString();
        Resp r = t.api().post("/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(0), "quantity", "5",
                "isDefaultActivation", false, "tagIds", List.of(tag))).expect("10054");
        String id = r.response().path("simProvisionId").asString();
        JsonNode row = awaitProvisioning(t.api(), id);
        assertEquals("Success", row.path("status").asString(), row.toString());
        assertEquals("Sim provisioning successful", row.path("reason").asString());
        assertEquals(t.iccids().get(0) + "-" + t.iccids().get(4), row.path("iccidRange").asString());
        assertEquals("5", row.path("quantity").asString());
        assertEquals("Pre-Active", row.path("endpointStatus").asString());
        assertEquals(Long.toString(t.accountId()), row.path("accountId").asString());
        JsonNode eps = t.api().get("/api/GetEndpoints?tagId=" + tag).response().path("responseParam").path("endpoints");
        assertEquals(5, eps.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("bulkEp_" + (100 + i), eps.get(i).path("name").asString());
            assertEquals("PA", eps.get(i).path("status").asString());
            assertEquals(t.iccids().get(i), eps.get(i).path("iccid").asString());
        }
        assertEquals("12", t.api().get("/api/fetchSIM?iccid=" + t.iccids().get(0)).response().path("responseParam").path("rows").get(0)
                .path("simStatusId").asString());
    }

    @Test
    void bulkCreateByListActivatedByDefault() throws Exception {
        String id = t.api().post("/api/bulkProvisioning", bulk(t, "iccidList", List.of(t.iccids().get(3), t.iccids().get(1))))
                .expect("10054").response().path("simProvisionId").asString();
        assertEquals("Success", awaitProvisioning(t.api(), id).path("status").asString());
        JsonNode eps = t.api().get("/api/GetEndpoints").response().path("responseParam").path("endpoints");
        assertEquals(2, eps.size());
        assertEquals("A", eps.get(0).path("status").asString());
        assertEquals(t.iccids().get(3), eps.get(0).path("iccid").asString());
        assertEquals(1, t.api().get("/api/fetchSIMProvisioningDetails?endpointStatus=Active").response().path("responseParam").path("rows").size());
        assertEquals(0, t.api().get("/api/fetchSIMProvisioningDetails?endpointStatus=2").response().path("responseParam").path("rows").size());
        assertEquals(1, t.api().get("/api/fetchSIMProvisioningDetails").response().path("responseParam").path("rows").size());
        // another account cannot see it
        fx.enterprise(0).api().get("/api/fetchSIMProvisioningDetails?simProvisionId=" + id).expect("10051");
    }

    @Test
    void refusedAtOnce() {
        Api api = t.api();
        api.post("/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(0), "quantity", "4001")).expect("10073");
        api.post("/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(0), "quantity", "2", "iccidList", List.of(t.iccids().get(5))))
                .expect("10148").expectDescription("Failure!! Either use iccidList or range");
        api.post("/api/bulkProvisioning", bulk(t, "iccidList", List.of(t.iccids().get(0), t.iccids().get(0)))).expect("10146");
        api.post("/api/bulkProvisioning", bulk(t, "iccidList", List.of("123"))).expect("1001");
        api.post("/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(0))).expect("1000").expectDescription("Mandatory parameter missing - quantity");
        for (String f : new String[] {"endPointName", "endPointNameId", "apnGroupId", "planId", "roamingProfileId"}) {
            api.post("/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(0), "quantity", "1", f, null)).expect("1000")
                    .expectDescription("Mandatory parameter missing - " + f);
        }
        api.post("/api/bulkProvisioning", map()).expect("1000");
        assertEquals(0, api.get("/api/fetchSIMProvisioningDetails").response().path("responseParam").path("rows").size());
        api.get("/api/fetchSIMProvisioningDetails?simProvisionId=1").expect("10051");
        api.get("/api/fetchSIMProvisioningDetails?endpointStatus=Sleeping").expect("1001");
    }

    /** The names endPointName_<endPointNameId> … are checked against Create's name rule (1–64 printable characters) when the bulk is submitted. */
    @Test
    void namesThatCannotBeMadeAreRefusedAtSubmission() {
        Api api = t.api();
        String first = t.iccids().get(0);
        // endPointName_99999 is 64 characters, but the second name, endPointName_100000, is 65
        String name58 = "n".repeat(58);
        api.post("/api/bulkProvisioning", bulk(t, "startICCID", first, "quantity", "2", "endPointName", name58, "endPointNameId", "99999"))
                .expect("1001").expectDescription("Wrong input parameter - endPointName");
        // a character no name may have
        api.post("/api/bulkProvisioning", bulk(t, "iccidList", List.of(first), "endPointName", "bulk\u202Eep"))
                .expect("1001").expectDescription("Wrong input parameter - endPointName");
        assertEquals(0, api.get("/api/fetchSIMProvisioningDetails").response().path("responseParam").path("rows").size());
        assertEquals(0, endpoints(t));
        // the longest name allowed is accepted
        api.post("/api/bulkProvisioning", bulk(t, "startICCID", first, "quantity", "1", "endPointName", name58, "endPointNameId", "99999"))
                .expect("10054");
    }

    @Test
    void allOrNothing() throws Exception {
        // the last ICCID is already linked: the whole bulk is rolled back
        Fixtures.endpoint(t, t.iccids().get(4), true);
        String id = t.api().post("/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(0), "quantity", "5"))
                .expect("10054").response().path("simProvisionId").asString();
        JsonNode row = awaitProvisioning(t.api(), id);
        assertEquals("Fail", row.path("status").asString());
        assertEquals("ICCID is not valid, either ICCID does not exist on System or it is not in Ready-To-Active", row.path("reason").asString());
        assertEquals(1, endpoints(t));
        assertEquals("4", t.api().get("/api/fetchICCIDForProvisioning").response().path("responseParam").path("rows").get(0).path("quantity").asString());

        String addon = fx.admin().post("/admin/accounts/" + t.accountId() + "/plans", map("name", "A1", "category", "ADDON",
                "roamingProfileIds", List.of(Long.parseLong(Fixtures.roamingProfile(t))), "serviceProfileId",
                t.api().get("/api/GetServiceProfile").response().path("responseParam").path("rows").get(0).path("profileId").asString()))
                .json().path("id").asString();
        String id2 = t.api().post("/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(0), "quantity", "2",
                "isDefaultActivation", "false", "addonPlanIds", List.of(addon))).expect("10054").response().path("simProvisionId").asString();
        JsonNode row2 = awaitProvisioning(t.api(), id2);
        assertEquals("Fail", row2.path("status").asString());
        assertEquals("Addon can only be assigned to Active endpoints", row2.path("reason").asString());
        String id3 = t.api().post("/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(0), "quantity", "2", "planId", "NOPE"))
                .expect("10054").response().path("simProvisionId").asString();
        assertEquals("Wrong input parameter - planId", awaitProvisioning(t.api(), id3).path("reason").asString());
        assertEquals(1, endpoints(t));
    }

    @Test
    void idempotencyKey() throws Exception {
        Map<String, Object> body = bulk(t, "startICCID", t.iccids().get(0), "quantity", "2");
        String first = t.api().send("POST", "/api/bulkProvisioning", body, "Idempotency-Key", "k-1").expect("10054")
                .response().path("simProvisionId").asString();
        String again = t.api().send("POST", "/api/bulkProvisioning", body, "Idempotency-Key", "k-1").expect("10054")
                .response().path("simProvisionId").asString();
        assertEquals(first, again);
        t.api().send("POST", "/api/bulkProvisioning", bulk(t, "startICCID", t.iccids().get(5), "quantity", "2"), "Idempotency-Key", "k-1")
                .expect("1001").expectDescription("Wrong input parameter - Idempotency-Key (already used for another request)");
        assertEquals("Success", awaitProvisioning(t.api(), first).path("status").asString());
        assertEquals(1, t.api().get("/api/fetchSIMProvisioningDetails").response().path("responseParam").path("rows").size());
        assertEquals(2, endpoints(t));
        // a key is per account
        Tenant other = fx.enterprise(2);
        String theirs = other.api().send("POST", "/api/bulkProvisioning", bulk(other, "startICCID", other.iccids().get(0), "quantity", "2"),
                "Idempotency-Key", "k-1").expect("10054").response().path("simProvisionId").asString();
        assertNotEquals(first, theirs);
    }

    @Test
    void bulkModify() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(Long.toString(Fixtures.endpoint(t, t.iccids().get(i), true)));
        List<String> values = new ArrayList<>(ids);
        values.add("999");
        Resp r = t.api().patch("/api/endpointbulk", map("Request", map("resourceType", "endPointid", "valuelist", values,
                "requestParam", map("imeiLockStatus", "LOCK")))).expect("10070");
        String jobId = r.response().path("JobId").asString();
        JsonNode job = awaitJob(t.api(), jobId);
        assertEquals("Partial", job.path("status").asString(), job.toString());
        assertEquals("4", job.path("totalCount").asString());
        assertEquals("3", job.path("successCount").asString());
        assertEquals("1", job.path("failureCount").asString());
        JsonNode items = job.path("items");
        assertEquals("10068", items.get(0).path("resultCode").asString());
        assertEquals("999", items.get(3).path("value").asString());
        assertEquals("10069", items.get(3).path("resultCode").asString());
        for (String id : ids) {
            assertEquals("LOCK", t.api().get("/api/GetEndPointProfile?endPointId=" + id).response().path("info").path("basicInfo")
                    .path("imeiLockStatus").asString());
        }
        // by ICCID, every one succeeding
        String ok = t.api().patch("/api/endpointbulk", map("Request", map("resourceType", "iccid", "valuelist", t.iccids().subList(0, 3),
                "requestParam", map("endPointName", "Renamed in bulk")))).expect("10070").response().path("JobId").asString();
        assertEquals("Success", awaitJob(t.api(), ok).path("status").asString());
        // every item failing
        String ko = t.api().patch("/api/endpointbulk", map("Request", map("resourceType", "msisdn", "valuelist", List.of("1111111"),
                "requestParam", map("endPointName", "Nobody at all")))).expect("10070").response().path("JobId").asString();
        assertEquals("Fail", awaitJob(t.api(), ko).path("status").asString());
    }

    @Test
    void bulkModifyRefusedAtOnce() {
        Api api = t.api();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 4001; i++) many.add(Integer.toString(100000 + i));
        api.patch("/api/endpointbulk", map("Request", map("resourceType", "imsi", "valuelist", many, "requestParam", map("imeiLockStatus", "LOCK"))))
                .expect("10073").expectDescription("Maximum count exceeds for input parameter - valueList");
        api.patch("/api/endpointbulk", map("Request", map("resourceType", "imsi", "valuelist", List.of("206281000015190", "206281000015190"), "requestParam", map("imeiLockStatus", "LOCK"))))
                .expect("10134");
        // one endpoint named twice, differently spelled
        api.patch("/api/endpointbulk", map("Request", map("resourceType", "endPointid", "valuelist", List.of("51368592", "051368592"),
                "requestParam", map("imeiLockStatus", "LOCK")))).expect("10134");
        api.patch("/api/endpointbulk", map("Request", map("resourceType", "endPointid", "valuelist", List.of("9999999999999999999"),
                "requestParam", map("imeiLockStatus", "LOCK")))).expect("1001").expectDescription("Wrong input parameter - valuelist");
        api.patch("/api/endpointbulk", map("Request", map("resourceType", "imsi", "valuelist", List.of("206281000015190"), "requestParam", map())))
                .expect("10134");
        api.patch("/api/endpointbulk", map("Request", map("resourceType", "name", "valuelist", List.of("1"), "requestParam", map("imeiLockStatus", "LOCK"))))
                .expect("1001").expectDescription("Wrong input parameter - resourceType");
        api.patch("/api/endpointbulk", map("Request", map("resourceType", "imsi", "valuelist", List.of("206281000015190"), "requestParam", map("endPointName", "x"))))
                .expect("1001").expectDescription("Wrong input parameter - endPointName");
        api.patch("/api/endpointbulk", map("Request", map("valuelist", List.of("1"), "requestParam", map("imeiLockStatus", "LOCK")))).expect("1000");
        api.get("/api/getJobStatus?jobId=1").expect("1359");
        api.get("/api/getJobStatus").expect("1000");
    }
}
