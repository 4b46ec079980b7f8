package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static io.simfleet.testkit.Fixtures.createBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every implemented call, made by tenant A with tenant B's ids, answers exactly as with an id
 * that does not exist, and changes nothing of B's.
 */
class TenantIsolationTest extends ApiTestBase {

    /** The answer with B's id equals the answer with a non-existent id (descriptions compared with the id masked). */
    private static void sameAsMissing(Function<String, Resp> call, String foreignId, String missingId) {
        Resp foreign = call.apply(foreignId);
        Resp missing = call.apply(missingId);
        assertEquals(missing.status(), foreign.status(), foreign.raw());
        assertEquals(missing.result(), foreign.result(), foreign.raw());
        assertEquals(missing.code(), foreign.code(), foreign.raw());
        assertEquals(missing.description().replace(missingId, "<id>"), foreign.description().replace(foreignId, "<id>"));
        assertFalse(foreign.raw().contains(foreignId) && !foreign.description().contains(foreignId),
                "B's id must not come back with data: " + foreign.raw());
    }

    @Test
    void noCallReachesAnotherTenantsData() {
        Fixtures fx = new Fixtures(anon());
        Api admin = fx.admin();
        Tenant a = fx.enterprise(2);
        Tenant b = fx.enterprise(3);
        long accB = b.accountId();
        String spB = b.api().get("/api/GetServiceProfile").response().path("responseParam").path("rows").get(0).path("profileId").asString();
        String rpB = Fixtures.roamingProfile(b);
        String apnB = Fixtures.apnGroup(b);
        String addonB = admin.post("/admin/accounts/" + accB + "/plans", map("name", "B ADDON", "category", "ADDON",
                "roamingProfileIds", List.of(Long.parseLong(rpB)), "serviceProfileId", spB)).json().path("id").asString();
        String benefitB = admin.post("/admin/accounts/" + accB + "/dynamic-benefits", map("name", "B pool",
                "roamingProfileIds", List.of(Long.parseLong(rpB)), "dataMb", 10)).json().path("id").asString();
        admin.post("/admin/accounts/" + accB + "/value-added-features", map("valueAddedFeatureId", "VAF_B" + accB));
        String tagB = b.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "b-tag")))))
                .expect("10149").response().path("tagId").asString();
        String endpointB = Long.toString(Fixtures.endpoint(b, b.iccids().get(0), true, "tagIds", tagB));
        String freeSimB = b.iccids().get(1);
        Api api = a.api();

        // reads by id
        sameAsMissing(id -> api.get("/api/GetEndPointProfile?endPointId=" + id), endpointB, "1");
        sameAsMissing(id -> api.get("/api/GetEndpointEvents?endPointId=" + id), endpointB, "1");
        sameAsMissing(id -> api.get("/api/GetEndpoint?endpointId=" + id), endpointB, "1");
        sameAsMissing(id -> api.get("/api/GetEndpoints?tagId=" + id), tagB, "1");
        sameAsMissing(id -> api.get("/api/fetchSIM?iccid=" + id), freeSimB, "8932042999999999999");
        sameAsMissing(id -> api.get("/api/fetchSIM?iccid=" + id), b.iccids().get(0), "8932042999999999999");
        sameAsMissing(id -> api.get("/api/GetServiceProfile?serviceProfileId=" + id), spB, "SP_0");
        sameAsMissing(id -> api.get("/api/GetRoamingProfiles?roamingProfileId=" + id), rpB, "1");

        // writes naming B's objects
        String iccidA = a.iccids().get(0);
        sameAsMissing(id -> api.post("/api/CreateEndPoint", createBody(a, id, true)), freeSimB, "8932042999999999999");
        sameAsMissing(id -> api.post("/api/CreateEndPoint", createBody(a, iccidA, true, "planId", id)), b.postPlan(), "DEFAULTPOST1");
        sameAsMissing(id -> api.post("/api/CreateEndPoint", createBody(a, iccidA, true, "apnGroupId", id)), apnB, "PDP_0");
        sameAsMissing(id -> api.post("/api/CreateEndPoint", createBody(a, iccidA, true, "roamingProfileId", id)), rpB, "1");
        sameAsMissing(id -> api.post("/api/CreateEndPoint", createBody(a, iccidA, true, "tagIds", id)), tagB, "1");
        sameAsMissing(id -> api.post("/api/CreateEndPoint", createBody(a, iccidA, true, "addonPlanIds", id)), addonB, "1");
        sameAsMissing(id -> api.post("/api/CreateEndPoint", createBody(a, iccidA, true, "benefits", id)), benefitB, "1");
        sameAsMissing(id -> api.post("/api/CreateEndPoint", createBody(a, iccidA, true, "valueAddedFeatureIds", id)), "VAF_B" + accB, "VAF_0");

        // lists show only A's own
        assertEquals("0", api.get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());
        assertEquals("2", api.get("/api/fetchSIM").response().path("totalNoOfRecords").asString());
        assertEquals(0, api.get("/api/GetTags").response().path("responseParam").path("tagIdList").size());
        assertEquals(1, api.get("/api/fetchICCIDForProvisioning").response().path("responseParam").path("rows").size());
        assertEquals(2, api.get("/api/QueryRatePlan").response().path("responseParam").path("plan").size());
        assertEquals(1, api.get("/api/fetchApnGroup").response().path("responseParam").path("rows").size());
        assertEquals(1, api.get("/api/GetServiceProfile").response().path("responseParam").path("rows").size());
        assertEquals(1, api.get("/api/GetRoamingProfiles").response().path("responseParam").path("rows").size());
        assertEquals(0, api.get("/api/GetCustomerProfile").response().path("responseParam").path("dynamicBenefits").size());

        // and B's data is untouched
        assertEquals("1", b.api().get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());
        assertEquals("Ready To Activate", b.api().get("/api/fetchSIM?iccid=" + freeSimB).response().path("responseParam")
                .path("rows").get(0).path("simStatus").asString());
        assertEquals("0", api.get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());
    }
}
