package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.model.BulkModifyRequest;
import io.simfleet.client.model.BulkModifyRequest.ResourceType;
import io.simfleet.client.model.BulkProvisioningRequest;
import io.simfleet.client.model.BulkSubmission;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.model.EndpointStatus;
import io.simfleet.client.model.EndpointSummary;
import io.simfleet.client.model.JobItem;
import io.simfleet.client.model.JobState;
import io.simfleet.client.model.JobStatus;
import io.simfleet.client.model.ModifyEndpointRequest;
import io.simfleet.client.model.NewTag;
import io.simfleet.client.model.ProvisioningDetails;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bulk provisioning and bulk modify as jobs: submit, follow with a progress callback, read each item's result. */
class BulkJobsTest {
    private static final TestServer SERVER = TestServer.shared();

    @Test
    void provisionARangeAndWaitThenModifyEveryEndpoint() throws Exception {
        Fixtures.Tenant t = new Fixtures(SERVER).enterprise(60);
        SimfleetClient sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        String plan = "DEFAULTPOST" + t.accountId();
        String roaming = sft.queryRatePlan("NORMAL", "1").get(0).basicInfo().destGroupId();
        BulkProvisioningRequest req = BulkProvisioningRequest.builder().endPointName("fleet", 1)
                .apnGroupId(sft.fetchApnGroup().get(0).apnGroupId()).planId(plan).roamingProfileId(roaming)
                .range(t.iccids().get(0), 50).activate(false).build();
        assertEquals(50, req.count());

        List<JobStatus> progress = new CopyOnWriteArrayList<>();
        JobStatus done = sft.provisionAndWait(req, progress::add);
        assertEquals(JobState.SUCCESS, done.state(), done.toString());
        assertEquals("BulkProvisioning", done.jobType());
        assertEquals(50, done.totalCount());
        assertEquals(50, done.processedCount());
        assertEquals(50, done.successCount());
        assertFalse(progress.isEmpty());
        assertEquals(done, progress.get(progress.size() - 1), "the last status read is the one answered");

        ProvisioningDetails details = sft.fetchSimProvisioningDetails(done.jobId());
        assertEquals("Success", details.status());
        assertEquals(50, details.quantity());
        assertEquals("Pre-Active", details.endpointStatus());
        assertEquals(t.iccids().get(0) + "-" + t.iccids().get(49), details.iccidRange());

        List<EndpointSummary> eps = sft.streamEndpoints(EndpointQuery.all()).collect(Collectors.toList());
        assertEquals(50, eps.size());
        assertEquals("fleet_1", eps.get(0).name());
        assertTrue(eps.stream().allMatch(e -> e.endpointStatus() == EndpointStatus.PRE_ACTIVE));
        assertEquals(t.iccids().subList(0, 50), eps.stream().map(EndpointSummary::iccid).collect(Collectors.toList()));

        String tag = sft.createTag(List.of(new NewTag("wave-1", null))).get(0);
        List<String> ids = eps.stream().map(EndpointSummary::id).limit(20).collect(Collectors.toList());
        List<String> values = new ArrayList<>(ids);
        values.add("999999999");
        JobStatus modified = sft.modifyAndWait(new BulkModifyRequest(ResourceType.ENDPOINT_ID, values,
                ModifyEndpointRequest.builder().addtagIds(List.of(tag)).build()), s -> { });
        assertEquals(JobState.PARTIAL, modified.state());
        assertEquals(21, modified.items().size());
        assertEquals(20, modified.successCount());
        assertEquals(1, modified.failureCount());
        JobItem unknown = modified.items().get(20);
        assertEquals("999999999", unknown.value());
        assertEquals("10069", unknown.resultCode());
        assertTrue(modified.items().subList(0, 20).stream().allMatch(i -> "10068".equals(i.resultCode())));
        assertEquals(ids, sft.streamEndpoints(EndpointQuery.tagged(tag)).map(EndpointSummary::id).collect(Collectors.toList()));
    }

    @Test
    void aBulkSubmissionCarriesAnIdempotencyKeyAndARepeatIsAnsweredFromIt() {
        Fixtures.Tenant t = new Fixtures(SERVER).enterprise(5);
        SimfleetClient sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        BulkProvisioningRequest req = BulkProvisioningRequest.builder().endPointName("rep", 1)
                .apnGroupId(sft.fetchApnGroup().get(0).apnGroupId()).planId("DEFAULTPOST" + t.accountId())
                .roamingProfileId(sft.queryRatePlan("NORMAL", "1").get(0).basicInfo().destGroupId())
                .iccidList(t.iccids()).activate(false).build();
        BulkSubmission first = sft.bulkProvisioning(req);
        assertNotNull(first.idempotencyKey());
        assertEquals(ResultCode.BULK_PROVISIONING_ACCEPTED, first.outcome().resultCode());
        assertFalse(first.outcome().replayed());
        BulkSubmission again = sft.bulkProvisioning(req, CallOptions.idempotencyKey(first.idempotencyKey()));
        assertTrue(again.outcome().replayed());
        assertEquals(first.jobId(), again.jobId());
        assertEquals(first.outcome().responseId(), again.outcome().responseId(), "the first answer, byte for byte");
        assertEquals(1, sft.fetchSimProvisioningDetails(null, null).size(), "one job");
    }

    @Test
    void refusedSubmissionsAndUnknownJobs() {
        Fixtures.Tenant t = new Fixtures(SERVER).enterprise(0);
        SimfleetClient sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        RefusedException tooMany = assertThrows(RefusedException.class, () -> sft.bulkProvisioning(BulkProvisioningRequest.builder()
                .endPointName("x", 1).apnGroupId("PDP_1").planId("p").roamingProfileId("1").range("8932042000000000000", 4001).build()));
        assertEquals(ResultCode.MAXIMUM_COUNT_EXCEEDED, tooMany.resultCode());
        RefusedException nothing = assertThrows(RefusedException.class, () -> sft.bulkModify(new BulkModifyRequest(
                ResourceType.IMSI, List.of("206289500000001"), ModifyEndpointRequest.builder().build())));
        assertEquals(ResultCode.BULK_MODIFY_FAILURE, nothing.resultCode());
        assertTrue(nothing.description().contains("nothing to modify"), nothing.description());
        assertEquals(ResultCode.NO_DATA_AVAILABLE, assertThrows(NotFoundException.class, () -> sft.getJobStatus("424242")).resultCode());
        assertEquals(ResultCode.FETCH_PROVISIONING_DETAILS_FAILURE,
                assertThrows(NotFoundException.class, () -> sft.fetchSimProvisioningDetails("424242")).resultCode());
    }

    @Test
    void waitingHasATimeLimitWhenAskedFor() throws Exception {
        Fixtures.Tenant t = new Fixtures(SERVER).enterprise(3);
        SimfleetClient sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        String job = sft.bulkProvisioning(BulkProvisioningRequest.builder().endPointName("tl", 1)
                .apnGroupId(sft.fetchApnGroup().get(0).apnGroupId()).planId("DEFAULTPOST" + t.accountId())
                .roamingProfileId(sft.queryRatePlan("NORMAL", "1").get(0).basicInfo().destGroupId())
                .range(t.iccids().get(0), 3).build()).jobId();
        List<JobStatus> seen = new CopyOnWriteArrayList<>();
        try {
            JobStatus s = sft.awaitJob(job, seen::add, Duration.ofMillis(100), Duration.ZERO);
            assertTrue(s.finished(), "finished at the first look: the only way not to time out");
        } catch (TimeoutException expected) {
            assertEquals(1, seen.size(), "one look, then the time was up");
            assertTrue(expected.getMessage().contains(job));
        }
        assertEquals(JobState.SUCCESS, sft.awaitJob(job, null).state(), "and the job went on");
        assertEquals(3, sft.getJobStatus(job).successCount());
        assertEquals("Active", sft.fetchSimProvisioningDetails(job).endpointStatus(), "isDefaultActivation defaults to true");
    }
}
