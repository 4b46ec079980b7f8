package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.model.ApnGroup;
import io.simfleet.client.model.CustomerProfile;
import io.simfleet.client.model.EndpointProfile;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.model.EndpointStatus;
import io.simfleet.client.model.EndpointSummary;
import io.simfleet.client.model.IccidRange;
import io.simfleet.client.model.NewTag;
import io.simfleet.client.model.Page;
import io.simfleet.client.model.Plan;
import io.simfleet.client.model.RatePlan;
import io.simfleet.client.model.RoamingProfile;
import io.simfleet.client.model.ServiceProfile;
import io.simfleet.client.model.Sim;
import io.simfleet.client.model.SimProduct;
import io.simfleet.client.model.SimQuery;
import io.simfleet.client.model.Tag;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The read calls against the demo account of the walkthrough ({@code customer}, enterprise 41078552),
 * which no test changes: every field the SDK reads is the one the server writes.
 */
class CatalogAndQueryTest {
    private static final TestServer SERVER = TestServer.shared();
    private final SimfleetClient customer = SimfleetClient.builder(SERVER.baseUrl())
            .credentials(Credentials.of("customer", "customer")).build();

    @Test
    void pingSaysWhoTheTokenBelongsTo() {
        var ping = customer.ping();
        assertEquals("41078552", ping.accountId());
        assertEquals("customer", ping.username());
    }

    @Test
    void catalogOfTheWalkthroughAccount() {
        List<ApnGroup> apn = customer.fetchApnGroup();
        assertEquals("PDP_1108", apn.get(0).apnGroupId());
        assertNotNull(apn.get(0).defaultApn());

        List<RatePlan> base = customer.queryRatePlan("BASE", null);
        RatePlan post = base.stream().filter(p -> p.basicInfo().planId().equals("DEFAULTPOST41078552")).findFirst().orElseThrow();
        assertEquals("358", post.basicInfo().destGroupId());
        assertEquals("NORMAL", post.basicInfo().planCategory());
        assertEquals("SP_319", post.serviceProfile().profileId());
        assertFalse(post.serviceProfile().feature().isEmpty());
        assertEquals(List.of("DEFAULTPRE41078552"), customer.queryRatePlan("NORMAL", "0").stream()
                .map(p -> p.basicInfo().planId()).collect(Collectors.toList()));

        List<Plan> plans = customer.getPlans();
        Plan row = plans.stream().filter(p -> p.planId().equals("DEFAULTPOST41078552")).findFirst().orElseThrow();
        assertEquals(List.of("358"), row.roamingProfileIds());
        assertEquals("358", row.roamingProfileId());

        List<ServiceProfile> sp = customer.getServiceProfile("SP_319");
        assertEquals("SP_319", sp.get(0).profileId());
        assertNotNull(sp.get(0).ratTypeName());

        List<RoamingProfile> roaming = customer.getRoamingProfiles("358");
        assertEquals("358", roaming.get(0).roamingProfileId());
        assertFalse(roaming.get(0).tadigList().isEmpty());
        assertNotNull(roaming.get(0).tadigList().get(0).mcc());
        assertFalse(customer.getRoamingProfiles(null).isEmpty());

        List<SimProduct> products = customer.getSimProduct();
        assertFalse(products.isEmpty());
        assertNotNull(products.get(0).simProductName());

        CustomerProfile profile = customer.getCustomerProfile();
        assertEquals("41078552", profile.accountId());
        assertEquals("ENTERPRISE", profile.accountType());
        assertEquals("1", profile.subscriberType());
        assertTrue(profile.destGroupId().contains("358"));
    }

    @Test
    void anUnknownRoamingProfileIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> customer.getRoamingProfiles("999999"));
        assertEquals(ResultCode.NO_DATA_AVAILABLE, e.resultCode());
        assertEquals(SftException.Category.NOT_FOUND, e.category());
        assertTrue(e.description().startsWith("No data available"), e.description());
        assertNotNull(e.responseId());
        assertEquals("GET /api/GetRoamingProfiles", e.operation());
    }

    @Test
    void simsPageAfterPageAndAsRanges() {
        Page<Sim> first = customer.fetchSim(SimQuery.all(), 1, 3);
        assertEquals(3, first.rows().size());
        assertTrue(first.totalNoOfRecords() >= 10, "the walkthrough's ten SIMs at least");
        assertEquals((first.totalNoOfRecords() + 2) / 3, first.totalNoOfPages());

        List<Sim> all = customer.streamSims(SimQuery.all()).collect(Collectors.toList());
        assertEquals(first.totalNoOfRecords(), all.size());
        assertEquals(all.size(), all.stream().map(Sim::iccid).distinct().count(), "no SIM twice across pages");
        Sim sim = all.stream().filter(s -> s.iccid().equals("8932042000000015190")).findFirst().orElseThrow();
        assertNotNull(sim.masterImsi());
        assertNotNull(sim.msisdn());

        Sim one = customer.fetchSim(SimQuery.all().withIccid("8932042000000015199"), 1, 10).rows().get(0);
        assertEquals("8932042000000015199", one.iccid());
        assertThrows(NotFoundException.class, () -> customer.fetchSim(SimQuery.all().withIccid("8932042999999999999"), 1, 10));

        List<IccidRange> ranges = customer.fetchIccidForProvisioning();
        assertFalse(ranges.isEmpty());
        IccidRange r = ranges.get(0);
        assertTrue(r.firstIccid().compareTo(r.lastIccid()) <= 0, r.iccidRange());
        assertTrue(r.quantity() >= 1);
    }

    @Test
    void theWalkthroughEndpointAndItsProfile() {
        List<EndpointSummary> endpoints = customer.streamEndpoints(EndpointQuery.all()).collect(Collectors.toList());
        EndpointSummary ep = endpoints.stream().filter(e -> e.id().equals("51368592")).findFirst().orElseThrow();
        assertNotNull(ep.endpointStatus());

        EndpointProfile profile = customer.getEndpointProfile("51368592");
        assertEquals("51368592", profile.basicInfo().endPointId());
        assertEquals("DEFAULTPOST41078552", profile.basicInfo().planId());
        assertEquals("PDP_1108", profile.basicInfo().apnGroupId());
        assertTrue(profile.basicInfo().status() != EndpointStatus.UNKNOWN, profile.basicInfo().currentStatus());
        assertFalse(profile.benefitInfo().benefit().isEmpty(), "the main account at least");

        NotFoundException missing = assertThrows(NotFoundException.class, () -> customer.getEndpointProfile("1"));
        assertEquals(ResultCode.GET_ENDPOINT_PROFILE_FAILURE, missing.resultCode());
    }

    @Test
    void aResellerMayNotCallTheEndpointApi() {
        SimfleetClient reseller = SimfleetClient.builder(SERVER.baseUrl()).credentials(Credentials.of("reseller", "reseller")).build();
        AuthException e = assertThrows(AuthException.class, () -> reseller.streamEndpoints(EndpointQuery.all()).count());
        assertEquals(ResultCode.INSUFFICIENT_PRIVILEGE, e.resultCode());
        assertEquals(SftException.Category.AUTH, e.category());
    }

    @Test
    void tagsAreCreatedAndListed() {
        Fixtures.Tenant t = new Fixtures(SERVER).enterprise(0);
        SimfleetClient c = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        List<String> ids = c.createTag(List.of(new NewTag("batch-1", "first batch"), new NewTag("batch-2", null)));
        assertEquals(2, ids.size());
        List<Tag> tags = c.getTags();
        assertEquals(ids, tags.stream().map(Tag::tagId).collect(Collectors.toList()));
        assertEquals("first batch", tags.get(0).tagDescription());
        RefusedException bad = assertThrows(RefusedException.class, () -> c.createTag(List.of(new NewTag("bad\u0001name", null))));
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, bad.resultCode());
        assertEquals(SftException.Category.REFUSED, bad.category());
    }

    @Test
    void theUntypedCallReachesAnyPath() {
        JsonNode r = customer.call("GET", "/api/fetchApnGroup", java.util.Map.of(), null, CallOptions.NONE);
        assertEquals("PDP_1108", r.path("responseParam").path("rows").get(0).path("apnGroupId").asString());
        RefusedException e = assertThrows(RefusedException.class, () -> customer.call("GET", "/api/NoSuchCall", java.util.Map.of(), null, CallOptions.NONE));
        assertEquals(404, e.httpStatus());
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, e.resultCode());
    }
}
