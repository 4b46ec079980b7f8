package io.simfleet.job;

import static io.simfleet.testkit.Api.map;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Claiming is round-robin between accounts: one account's big bulk does not make another's small one wait for it. */
class JobFairnessTest extends ApiTestBase {

    private static JsonNode status(Tenant t, String jobId) {
        return t.api().get("/api/getJobStatus?jobId=" + jobId).expect("10909").response().path("responseParam");
    }

    @Test
    void aSmallBulkOfOneAccountIsNotStarvedByABigBulkOfAnother() {
        Fixtures fx = new Fixtures(anon());
        Tenant big = fx.enterprise(0);
        Tenant small = fx.enterprise(3);
        List<String> mine = new ArrayList<>();
        for (String iccid : small.iccids()) mine.add(Long.toString(Fixtures.endpoint(small, iccid, true)));

        // 4000 items (none of them an endpoint of the account: each is a quick 10069), then 3 real ones just after
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 4000; i++) many.add(Integer.toString(1_000_000 + i));
        String bigJob = big.api().patch("/api/endpointbulk", map("Request", map("resourceType", "endPointid", "valuelist", many,
                "requestParam", map("imeiLockStatus", "LOCK")))).expect("10070").response().path("JobId").asString();
        String smallJob = small.api().patch("/api/endpointbulk", map("Request", map("resourceType", "endPointid", "valuelist", mine,
                "requestParam", map("imeiLockStatus", "LOCK")))).expect("10070").response().path("JobId").asString();

        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> status(small, smallJob), j -> !j.path("status").asString().equals("Processing"));
        JsonNode bigThen = status(big, bigJob);
        assertEquals("Success", done.path("status").asString(), done.toString());
        assertEquals("Processing", bigThen.path("status").asString(), "the big bulk was still running when the small one ended");
        long bigProcessed = Long.parseLong(bigThen.path("processedCount").asString());
        assertTrue(bigProcessed < 4000, "big bulk had done " + bigProcessed);

        // and the big one is not starved either: it ends, every item with its result
        JsonNode bigDone = BulkJobsTest.awaitJob(big.api(), bigJob);
        assertEquals("Fail", bigDone.path("status").asString());
        assertEquals("4000", bigDone.path("failureCount").asString());
        assertEquals("10069", bigDone.path("items").get(3999).path("resultCode").asString());
    }
}
