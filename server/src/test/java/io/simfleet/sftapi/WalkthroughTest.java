package io.simfleet.sftapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Resp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** create-endpoint-walkthrough.txt, step by step, with its exact bodies, against fresh demo data. */
@TestPropertySource(properties = "simfleet.test.context=walkthrough")
class WalkthroughTest extends ApiTestBase {

    @Test
    void theFiveStepsOfTheWalkthrough() {
        // 1. Authentication, the body as in the walkthrough
        Resp login = anon().post("/api/login", "{\"username\":\"customer\",\"password\":\"customer\"}");
        assertEquals(200, login.status(), login.raw());
        String access = login.json().path("AccessToken").asString();
        assertTrue(access.split("\\.").length == 3, "a JWT: " + access);
        assertTrue(login.json().path("RefreshToken").asString().split("\\.").length == 3);
        Api api = anon().withToken(access);

        // 2. The APN group
        Resp apn = api.get("/api/fetchApnGroup").expect("10901");
        assertEquals("0", apn.result());
        JsonNode row = apn.response().path("responseParam").path("rows").get(0);
        assertEquals("PDP_1108", row.path("apnGroupId").asString());
        assertEquals("DEFAULT", row.path("apnGroupName").asString());
        assertEquals("bicsapn", row.path("defaultApn").asString());

        // 3. Plan and roaming profile
        Resp plans = api.get("/api/QueryRatePlan?planCategory=BASE").expect("10902");
        List<String> planIds = new ArrayList<>();
        for (JsonNode p : plans.response().path("responseParam").path("plan")) {
            JsonNode basic = p.path("basicInfo");
            planIds.add(basic.path("planId").asString());
            assertEquals("358", basic.path("destGroupId").asString());
            assertEquals("SP_319", basic.path("profileId").asString());
            assertEquals("SP_319", p.path("serviceProfile").path("profileId").asString());
        }
        assertEquals(List.of("DEFAULTPOST41078552", "DEFAULTPRE41078552"), planIds.stream().sorted().toList());

        // 4. The SIMs: one Active attached to 51368592, nine Ready To Activate
        Resp sims = api.get("/api/fetchSIM").expect("10021");
        JsonNode rows = sims.response().path("responseParam").path("rows");
        assertEquals(10, rows.size());
        assertEquals("10", sims.response().path("totalNoOfRecords").asString());
        int ready = 0;
        for (JsonNode s : rows) {
            if (s.path("iccid").asString().equals("8932042000000015190")) {
                assertEquals("Active", s.path("simStatus").asString());
                assertEquals("ATTACHED", s.path("simAttachStatus").asString());
                assertEquals("51368592", s.path("endPointId").asString());
            } else {
                assertEquals("Ready To Activate", s.path("simStatus").asString());
                assertEquals("5", s.path("simStatusId").asString());
                assertEquals("NOT ATTACHED", s.path("simAttachStatus").asString());
                assertEquals("-", s.path("endPointId").asString());
                ready++;
            }
        }
        assertEquals(9, ready);

        // 5. Create the endpoint, the walkthrough's body
        Resp created = api.post("/api/CreateEndPoint", """
                {"Request":{"requestParam":{"name":"Endpoint","apnGroupId":"PDP_1108","roamingProfileId":"358",
                "isLinkSIM":"true","iccid":"8932042000000015191","isDefaultActivation":"true","planId":"DEFAULTPOST41078552"}}}
                """).expect("5014");
        assertEquals("0", created.result());
        String newId = created.response().path("endPointId").asString();
        assertNotEquals("", newId);
        assertNotEquals("51368592", newId);
        assertTrue(created.response().path("responseTimestamp").asString().matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d"));
        assertTrue(created.response().path("responseId").asString().matches("\\d+"));

        // GetEndpoints lists both, Active
        Resp list = api.get("/api/GetEndpoints").expect("6742");
        JsonNode eps = list.response().path("responseParam").path("endpoints");
        assertEquals(2, eps.size());
        assertEquals("51368592", eps.get(0).path("id").asString());
        assertEquals(newId, eps.get(1).path("id").asString());
        for (JsonNode e : eps) assertEquals("A", e.path("status").asString());
        assertEquals("8932042000000015191", eps.get(1).path("iccid").asString());

        // and the SIM is now Active, attached to the new endpoint
        JsonNode sim = api.get("/api/fetchSIM?iccid=8932042000000015191").expect("10021")
                .response().path("responseParam").path("rows").get(0);
        assertEquals("Active", sim.path("simStatus").asString());
        assertEquals("ATTACHED", sim.path("simAttachStatus").asString());
        assertEquals(newId, sim.path("endPointId").asString());
        assertEquals("Endpoint", sim.path("endPointName").asString());
        // the walkthrough's numbering of the SIM
        assertEquals("327700040915191", sim.path("msisdn").asString());
        assertEquals("206281000015191", sim.path("iMSIList").get(0).path("masterIMSI").asString());
        assertEquals("206018851915191", sim.path("iMSIList").get(0).path("supplierIMSIList").get(0).path("supplierIMSI").asString());
        assertEquals("IR1-1EU28-Multi", sim.path("simProduct").asString());
        assertEquals("MFF2", sim.path("cardClassName").asString());
    }
}
