package io.simfleet.job;

import static io.simfleet.testkit.Api.map;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.Resp;
import io.simfleet.testkit.ServerProcess;
import io.simfleet.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Jobs are durable and shareable: server instances in child JVMs on one database, one of them
 * killed with SIGKILL in the middle of a job.
 */
class MultiInstanceIT {

    private static long query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Object> bulkCreate(Api travel, String first, int quantity, String name) {
        String apn = travel.get("/api/fetchApnGroup").response().path("responseParam").path("rows").get(0).path("apnGroupId").asString();
        JsonNode plan = travel.get("/api/QueryRatePlan?planCategory=BASE&planType=0").response().path("responseParam").path("plan").get(0).path("basicInfo");
        return map("bulkProvisioningInfo", map("endPointName", name, "endPointNameId", "1", "apnGroupId", apn,
                "planId", plan.path("planId").asString(), "roamingProfileId", List.of(plan.path("destGroupId").asString()),
                "startICCID", first, "quantity", Integer.toString(quantity), "isDefaultActivation", "false"));
    }

    private static List<String> endpointIds(Api travel) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode eps = travel.get("/api/GetEndpoints?perPage=2000&page=" + page).response().path("responseParam").path("endpoints");
            if (eps.isEmpty()) return ids;
            for (JsonNode e : eps) ids.add(e.path("id").asString());
        }
    }

    @Test
    void aKilledServerLosesNothingAndAppliesNothingTwice() throws Exception {
        String url = TestDatabase.newSchemaUrl();
        List<String> ids;
        String modifyJob;
        String createJob;
        try (ServerProcess a = ServerProcess.start(url, true, ServerProcess.logFile("crash-a"))) {
            Api travel = a.api().login("travel", "travel");
            String setup = travel.post("/api/bulkProvisioning", bulkCreate(travel, "8932042000100000000", 3000, "crash"))
                    .expect("10054").response().path("simProvisionId").asString();
            assertEquals("Success", BulkJobsTest.awaitProvisioning(travel, setup).path("status").asString());
            ids = endpointIds(travel);
            assertEquals(3000, ids.size());
            modifyJob = travel.patch("/api/endpointbulk", map("Request", map("resourceType", "endPointid", "valuelist", ids,
                    "requestParam", map("endPointName", "after the crash")))).expect("10070").response().path("JobId").asString();
            // the kill should land in the middle of the job: wait until it has done some of it
            String job = modifyJob;
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> Long.parseLong(travel.get("/api/getJobStatus?jobId=" + job).response().path("responseParam")
                            .path("processedCount").asString()) >= 100);
            // a bulk create in flight too
            createJob = travel.post("/api/bulkProvisioning", bulkCreate(travel, "8932042000100005000", 4000, "inflight"))
                    .expect("10054").response().path("simProvisionId").asString();
            a.kill();
        }
        long doneAtKill = query(url, "SELECT count(*) FROM job_item WHERE job_id = " + modifyJob + " AND result_code IS NOT NULL");
        assertTrue(doneAtKill < 3000, "the kill landed in the middle of the job (" + doneAtKill + " done)");

        try (ServerProcess b = ServerProcess.start(url, false, ServerProcess.logFile("crash-b"))) {
            Api travel = b.api().login("travel", "travel");
            JsonNode job = BulkJobsTest.awaitJob(travel, modifyJob);
            assertEquals("Success", job.path("status").asString());
            assertEquals("3000", job.path("successCount").asString());
            JsonNode created = BulkJobsTest.awaitProvisioning(travel, createJob);
            long inflight = query(url, "SELECT count(*) FROM endpoint WHERE name LIKE 'inflight_%'");
            if (created.path("status").asString().equals("Success")) {
                assertEquals(4000, inflight, "a bulk create is whole");
            } else {
                assertEquals("Fail", created.path("status").asString());
                assertEquals(0, inflight, "a failed bulk create leaves nothing");
            }
        }
        // every endpoint modified exactly once: one event each, and the name applied
        assertEquals(0, query(url, """
                SELECT count(*) FROM (SELECT e.id FROM endpoint e LEFT JOIN endpoint_event ev
                    ON ev.endpoint_id = e.id AND ev.call = 'ModifyEndpoint'
                  WHERE e.name LIKE 'after the crash' OR e.name LIKE 'crash_%'
                  GROUP BY e.id HAVING count(ev.id) <> 1) x"""));
        assertEquals(3000, query(url, "SELECT count(*) FROM endpoint WHERE name = 'after the crash'"));
    }

    @Test
    void twoInstancesShareTheWorkAndNeverDoAnItemTwice() throws Exception {
        String url = TestDatabase.newSchemaUrl();
        try (ServerProcess a = ServerProcess.start(url, true, ServerProcess.logFile("pair-a"));
             ServerProcess b = ServerProcess.start(url, false, ServerProcess.logFile("pair-b"))) {
            Api travelA = a.api().login("travel", "travel");
            Api travelB = b.api().login("travel", "travel");
            String setup = travelA.post("/api/bulkProvisioning", bulkCreate(travelA, "8932042000100000000", 4000, "pair"))
                    .expect("10054").response().path("simProvisionId").asString();
            assertEquals("Success", BulkJobsTest.awaitProvisioning(travelB, setup).path("status").asString());
            List<String> ids = endpointIds(travelA);
            List<String> jobs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Api via = k % 2 == 0 ? travelA : travelB;
                Resp r = via.patch("/api/endpointbulk", map("Request", map("resourceType", "endPointid",
                        "valuelist", ids.subList(k * 1000, (k + 1) * 1000), "requestParam", map("endPointName", "pair job " + k))));
                jobs.add(r.expect("10070").response().path("JobId").asString());
            }
            for (String j : jobs) assertEquals("Success", BulkJobsTest.awaitJob(travelA, j).path("status").asString());
        }
        assertEquals(0, query(url, """
                SELECT count(*) FROM (SELECT e.id FROM endpoint e LEFT JOIN endpoint_event ev
                    ON ev.endpoint_id = e.id AND ev.call = 'ModifyEndpoint'
                  WHERE e.name LIKE 'pair%' GROUP BY e.id HAVING count(ev.id) <> 1) x"""), "each item applied exactly once");
        assertEquals(4000, query(url, "SELECT count(*) FROM endpoint WHERE name LIKE 'pair job %'"));
        assertEquals(2, query(url, "SELECT count(DISTINCT processed_by) FROM job_item"), "both instances worked");
    }
}
