package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.model.CreateEndpointRequest;
import io.simfleet.client.model.CreatedEndpoint;
import io.simfleet.client.model.EndpointEvent;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.model.EndpointRef;
import io.simfleet.client.model.EndpointStatus;
import io.simfleet.client.model.EndpointSummary;
import io.simfleet.client.model.Lifecycle;
import io.simfleet.client.model.LifecycleChange;
import io.simfleet.client.model.LockStatus;
import io.simfleet.client.model.ModifyEndpointRequest;
import io.simfleet.client.model.NewTag;
import io.simfleet.client.model.Page;
import io.simfleet.client.model.Sim;
import io.simfleet.client.model.SimQuery;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An endpoint's life through the SDK, on a fresh enterprise: create, link, activate, suspend, resume, modify, de-link, delete. */
class EndpointCallsTest {
    private static final TestServer SERVER = TestServer.shared();
    private static Fixtures.Tenant tenant;
    private static SimfleetClient sft;
    private static String apn;
    private static String plan;
    private static String roaming;

    @BeforeAll
    static void tenant() {
        tenant = new Fixtures(SERVER).enterprise(12);
        sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(tenant.credentials()).build();
        apn = sft.fetchApnGroup().get(0).apnGroupId();
        plan = "DEFAULTPOST" + tenant.accountId();
        roaming = sft.queryRatePlan("NORMAL", "1").get(0).basicInfo().destGroupId();
    }

    private static CreateEndpointRequest.Builder create(String name) {
        return CreateEndpointRequest.builder().name(name).apnGroupId(apn).planId(plan).roamingProfileId(roaming);
    }

    @Test
    void anEndpointFromCreationToDeletion() {
        String iccid = tenant.iccids().get(0);
        CreatedEndpoint created = sft.createEndpoint(create("Meter 1").build());
        assertEquals(ResultCode.CREATE_ENDPOINT_SUCCESS, created.outcome().resultCode());
        assertEquals("Create endpoint success", created.outcome().resultDescription());
        String id = created.endPointId();
        assertEquals(EndpointStatus.PRE_ACTIVE, sft.getEndpointProfile(id).basicInfo().status());

        assertEquals(ResultCode.LINK_SIM_SUCCESS, sft.linkSim(id, iccid).resultCode());
        assertEquals(ResultCode.SIM_PROVISIONING_SUCCESS, sft.activateEndpoint(id).resultCode());
        assertEquals(EndpointStatus.ACTIVE, sft.getEndpointProfile(id).basicInfo().status());
        assertEquals(iccid, sft.getEndpointProfile(id).basicInfo().iccid());

        LifecycleChange suspended = sft.suspendEndpoint(id);
        assertEquals("A", suspended.previousStatus());
        assertEquals("S", suspended.currentStatus());
        assertEquals(ResultCode.LIFECYCLE_SUCCESS, suspended.outcome().resultCode());
        RefusedException again = assertThrows(RefusedException.class, () -> sft.suspendEndpoint(id));
        assertEquals(ResultCode.SAME_LIFECYCLE, again.resultCode());
        assertEquals("S", sft.resumeEndpoint(id).previousStatus());

        String imsi = sft.fetchSim(SimQuery.all().withIccid(iccid), 1, 1).rows().get(0).masterImsi();
        LifecycleChange byImsi = sft.changeLifecycle(EndpointRef.imsi(imsi), Lifecycle.SUSPEND, "1");
        assertEquals("S", byImsi.currentStatus());
        sft.changeLifecycle(EndpointRef.id(id), Lifecycle.ACTIVE, null);

        List<String> tagIds = sft.createTag(List.of(new NewTag("fleet-a", "A")));
        assertEquals(ResultCode.MODIFY_ENDPOINT_SUCCESS, sft.modifyEndpoint(EndpointRef.id(id), ModifyEndpointRequest.builder()
                .addtagIds(tagIds).imeiLockStatus(LockStatus.LOCK).imei("356938035643809").endPointName("Meter one").build()).resultCode());
        var profile = sft.getEndpointProfile(id);
        assertEquals("Meter one", profile.basicInfo().name());
        assertEquals("LOCK", profile.basicInfo().imeiLockStatus());
        assertEquals(tagIds.get(0), profile.tagIdList().get(0).tagId());
        assertEquals(List.of(id), sft.streamEndpoints(EndpointQuery.tagged(tagIds.get(0))).map(EndpointSummary::id).collect(Collectors.toList()));
        sft.modifyEndpoint(EndpointRef.iccid(iccid), ModifyEndpointRequest.builder().bar("DATA", true).build());
        assertTrue(sft.getEndpointProfile(id).basicInfo().barredServices().contains("DATA"));

        assertEquals(ResultCode.ROAMING_PROFILE_SUCCESS, sft.changeRoamingProfile(EndpointRef.id(id), List.of(roaming)).resultCode());
        RefusedException samePlan = assertThrows(RefusedException.class, () -> sft.changePlan(EndpointRef.id(id), plan));
        assertEquals(ResultCode.PLAN_ALREADY_EXISTS, samePlan.resultCode(), "the plan it is on: the call read the planId sent");

        RefusedException deleteLinked = assertThrows(RefusedException.class, () -> sft.deleteEndpoint(id));
        assertEquals(ResultCode.DELETE_NOT_ALLOWED, deleteLinked.resultCode());
        // SIM swap: the endpoint stays Active with the other SIM; its own SIM again is refused
        String spare = tenant.iccids().get(11);
        assertEquals(ResultCode.SIM_SWAP_SUCCESS, sft.swapSim(id, spare).resultCode());
        assertEquals(spare, sft.getEndpointProfile(id).basicInfo().iccid());
        assertEquals(EndpointStatus.ACTIVE, sft.getEndpointProfile(id).basicInfo().status());
        assertEquals(ResultCode.SIM_SWAP_FAILURE, assertThrows(RefusedException.class, () -> sft.swapSim(id, spare)).resultCode());
        assertEquals(ResultCode.DELINK_SUCCESS, sft.delinkSim(id).resultCode());
        assertEquals(EndpointStatus.HOLD, sft.getEndpointProfile(id).basicInfo().status());
        assertEquals(ResultCode.DELETE_SUCCESS, sft.deleteEndpoint(id).resultCode());
        assertThrows(NotFoundException.class, () -> sft.getEndpointProfile(id));

        List<EndpointEvent> events = sft.streamEndpointEvents(id).collect(Collectors.toList());
        List<String> calls = events.stream().map(EndpointEvent::call).collect(Collectors.toList());
        assertTrue(events.size() >= 8, calls.toString());
        assertEquals(events.size(), events.stream().map(EndpointEvent::eventId).distinct().count());
        assertEquals(id, events.get(0).endPointId());
        assertEquals(tenant.username(), events.get(0).actor());
        List<EndpointEvent> afterFirst = sft.getEndpointEventsAfter(id, events.get(0).eventId(), 100);
        assertEquals(events.subList(1, events.size()), afterFirst);
    }

    @Test
    void createLinkAndActivateInOneCall() {
        String iccid = tenant.iccids().get(1);
        CreatedEndpoint ep = sft.createEndpoint(create("Meter 2").iccid(iccid).activate(true).build());
        assertEquals(ResultCode.SIM_PROVISIONING_SUCCESS, ep.outcome().resultCode());
        Sim sim = sft.fetchSim(SimQuery.all().withIccid(iccid), 1, 1).rows().get(0);
        assertEquals(ep.endPointId(), sim.endPointId());
        assertEquals("6", sim.simStatusId());
    }

    @Test
    void refusalsCarryTheDetailedCodeAndDescription() {
        RefusedException missing = assertThrows(RefusedException.class, () -> sft.createEndpoint(
                CreateEndpointRequest.builder().name("No plan").apnGroupId(apn).roamingProfileId(roaming).build()));
        assertEquals(ResultCode.MANDATORY_PARAMETER_MISSING, missing.resultCode());
        assertTrue(missing.description().contains("planId"), missing.description());
        assertEquals(200, missing.httpStatus(), "SFT answers refusals with HTTP 200");
        assertEquals("POST /api/CreateEndPoint", missing.operation());
        assertTrue(missing.getMessage().startsWith("1000 Mandatory parameter missing"), missing.getMessage());

        String id = sft.createEndpoint(create("Meter 3").build()).endPointId();
        RefusedException notReady = assertThrows(RefusedException.class, () -> sft.linkSim(id, "8932042000000015190"));
        assertEquals(ResultCode.LINK_SIM_FAILURE, notReady.resultCode(), "another account's SIM");
        RefusedException noSim = assertThrows(RefusedException.class, () -> sft.activateEndpoint(id));
        assertEquals(ResultCode.SIM_NOT_ATTACHED, noSim.resultCode());
        NotFoundException unknown = assertThrows(NotFoundException.class,
                () -> sft.changeLifecycle(EndpointRef.id("999999999"), Lifecycle.SUSPEND, null));
        assertEquals(ResultCode.LIFECYCLE_FAILURE, unknown.resultCode());
        assertEquals(SftException.Category.NOT_FOUND, unknown.category());
    }

    @Test
    void pagesOfEndpointsAreStableAndComplete() {
        for (int i = 0; i < 5; i++) sft.createEndpoint(create("Paged " + i).build());
        List<String> all = sft.streamEndpoints(EndpointQuery.all()).map(EndpointSummary::id).collect(Collectors.toList());
        assertTrue(all.size() >= 5);
        Page<EndpointSummary> first = sft.getEndpoints(EndpointQuery.all(), 1, 2);
        assertEquals(all.size(), first.totalNoOfRecords());
        assertEquals((all.size() + 1) / 2, first.totalNoOfPages());
        List<String> byTwos = new java.util.ArrayList<>();
        for (int p = 1; p <= first.totalNoOfPages(); p++) {
            sft.getEndpoints(EndpointQuery.all(), p, 2).rows().forEach(e -> byTwos.add(e.id()));
        }
        assertEquals(all, byTwos, "the same endpoints in the same order, whatever the page size");
        assertFalse(sft.getEndpoints(EndpointQuery.untagged(), 1, 10).rows().isEmpty());
    }
}
