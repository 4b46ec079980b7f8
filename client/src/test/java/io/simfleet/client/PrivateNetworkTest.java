package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simfleet.client.model.BulkModifyRequest;
import io.simfleet.client.model.BulkSubmission;
import io.simfleet.client.model.ClaimSimRequest;
import io.simfleet.client.model.ClaimedSim;
import io.simfleet.client.model.EndpointGroup;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.model.EndpointRef;
import io.simfleet.client.model.EndpointSummary;
import io.simfleet.client.model.GroupMembership;
import io.simfleet.client.model.JobStatus;
import io.simfleet.client.model.VSlice;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The private network's calls (simfleet's additions) through the SDK: slices, groups, static addresses, ClaimSim. */
class PrivateNetworkTest {
    private static final TestServer SERVER = TestServer.shared();

    @Test
    void groupsStaticAddressesAndClaimingASim() throws Exception {
        Fixtures fx = new Fixtures(SERVER);
        Fixtures.Tenant t = fx.enterprise(3);
        String slice = fx.vslice(t, "10.40.0.0/29");
        SimfleetClient sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();

        VSlice v = sft.getVSlices().get(0);
        assertEquals(slice, v.vSliceId());
        assertEquals(6, v.freeAddresses());
        String group = sft.createEndpointGroup(slice, Fixtures.unique("group"));
        assertEquals(10953, sft.renameEndpointGroup(group, "Water tanks").resultCode().value());

        // claimed by its printed code, into the group: active, with the slice's first address
        String iccid = t.iccids().get(0);
        ClaimedSim c = sft.claimSim(ClaimSimRequest.of(iccid, fx.claimCode(t, iccid)).inGroup(group, null));
        assertEquals(5014, c.outcome().resultCode().value());
        assertEquals("10.40.0.1", c.membership().staticIP());
        assertEquals("A", sft.getEndpointProfile(c.endPointId()).basicInfo().currentStatus());
        assertEquals("10.40.0.1", sft.getEndpointProfile(c.endPointId()).basicInfo().staticIP());
        SftException wrong = assertThrows(SftException.class,
                () -> sft.claimSim(ClaimSimRequest.of(t.iccids().get(1), "ZZZZZZZZ")));
        assertEquals(10964, wrong.resultCode().value());

        // claimed without a group, then assigned a chosen address; listed by group
        String second = sft.claimSim(ClaimSimRequest.of(t.iccids().get(1), fx.claimCode(t, t.iccids().get(1)))).endPointId();
        GroupMembership m = sft.assignEndpointGroup(EndpointRef.id(second), group, "10.40.0.6");
        assertEquals("10.40.0.6", m.staticIP());
        assertEquals("Water tanks", m.endpointGroupName());
        List<EndpointSummary> inGroup = sft.getEndpoints(EndpointQuery.inGroup(group), 1, 100).rows();
        assertEquals(List.of(c.endPointId(), second), inGroup.stream().map(EndpointSummary::id).toList());
        assertEquals("10.40.0.6", inGroup.get(1).staticIP());
        assertEquals("50", inGroup.get(1).provisioningStateId());
        EndpointGroup g = sft.getEndpointGroups(slice).get(0);
        assertEquals(2, g.endpointCount());

        // not deleted while it holds endpoints; out of it, the address is released
        assertEquals(10959, assertThrows(SftException.class, () -> sft.deleteEndpointGroup(group)).resultCode().value());
        assertEquals(10956, sft.unassignEndpointGroup(EndpointRef.id(second)).resultCode().value());
        assertNull(sft.getEndpointProfile(second).basicInfo().staticIP());

        // in bulk: a job
        BulkSubmission job = sft.bulkAssignEndpointGroup(BulkModifyRequest.ResourceType.ENDPOINT_ID, List.of(second), group);
        JobStatus done = sft.awaitJob(job.jobId(), null);
        assertEquals("BulkEndpointGroupAssignment", done.jobType());
        assertEquals(1, done.successCount());
        assertEquals(2, sft.getVSlices().get(0).usedAddresses());
    }
}
