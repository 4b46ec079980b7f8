package io.simfleet.job;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Resp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * endpoint-creation-strategy.txt with the demo travel-SIM seller: 1000 endpoints created in
 * advance, Pre-Active, tagged by batch; one activated on purchase; the name ↔ endPointId ↔ ICCID
 * mapping exported from the API alone.
 */
class PreProvisionedInventoryTest extends ApiTestBase {

    @Test
    void travelSimSellerFlow() throws Exception {
        Api travel = as("travel");
        assertEquals("20000", travel.get("/api/fetchSIM?simStatusId=5&perPage=1").response().path("totalNoOfRecords").asString());
        JsonNode ranges = travel.get("/api/fetchICCIDForProvisioning").expect("10048").response().path("responseParam").path("rows");
        assertEquals("8932042000100000000-8932042000100019999", ranges.get(0).path("iccidRange").asString());

        String tag = travel.post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "batch-1", "tagDescription", "first batch")))))
                .expect("10149").response().path("tagId").asString();
        String apn = travel.get("/api/fetchApnGroup").response().path("responseParam").path("rows").get(0).path("apnGroupId").asString();
        JsonNode plan = travel.get("/api/QueryRatePlan?planCategory=BASE&planType=0").response().path("responseParam").path("plan").get(0).path("basicInfo");
        Resp submitted = travel.post("/api/bulkProvisioning", map("bulkProvisioningInfo", map(
                "endPointName", "travel", "endPointNameId", "1", "apnGroupId", apn, "planId", plan.path("planId").asString(),
                "roamingProfileId", List.of(plan.path("destGroupId").asString()), "startICCID", "8932042000100000000",
                "quantity", "1000", "isDefaultActivation", "false", "tagIds", List.of(tag)))).expect("10054");
        JsonNode row = BulkJobsTest.awaitProvisioning(travel, submitted.response().path("simProvisionId").asString());
        assertEquals("Success", row.path("status").asString(), row.toString());
        assertEquals("1000", row.path("quantity").asString());

        Resp batch = travel.get("/api/GetEndpoints?tagId=" + tag + "&perPage=2000").expect("6742");
        assertEquals("1000", batch.response().path("totalNoOfRecords").asString());
        JsonNode eps = batch.response().path("responseParam").path("endpoints");
        assertEquals(1000, eps.size());
        // the export: name ↔ endPointId ↔ ICCID
        Map<String, String[]> byName = new HashMap<>();
        Set<String> iccids = new HashSet<>();
        for (JsonNode e : eps) {
            assertEquals("PA", e.path("status").asString());
            assertTrue(e.path("iccid").asString().startsWith("89320420001000"), e.toString());
            byName.put(e.path("name").asString(), new String[] {e.path("id").asString(), e.path("iccid").asString()});
            iccids.add(e.path("iccid").asString());
        }
        assertEquals(1000, byName.size());
        assertEquals(1000, iccids.size());
        assertEquals("8932042000100000000", byName.get("travel_1")[1]);
        assertEquals("8932042000100000999", byName.get("travel_1000")[1]);

        // a customer buys travel_42: activate it
        String sold = byName.get("travel_42")[0];
        travel.post("/api/EndPointActivation", map("Request", map("endPointId", sold))).expect("5014");
        int active = 0, preActive = 0;
        for (JsonNode e : travel.get("/api/GetEndpoints?tagId=" + tag + "&perPage=2000").response().path("responseParam").path("endpoints")) {
            if (e.path("status").asString().equals("A")) {
                active++;
                assertEquals(sold, e.path("id").asString());
            } else if (e.path("status").asString().equals("PA")) {
                preActive++;
            }
        }
        assertEquals(1, active);
        assertEquals(999, preActive);
        assertEquals("Active", travel.get("/api/fetchSIM?iccid=" + byName.get("travel_42")[1]).response().path("responseParam")
                .path("rows").get(0).path("simStatus").asString());
    }
}
