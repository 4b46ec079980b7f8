package io.simfleet.endpoint;

import static io.simfleet.endpoint.LifecycleSupport.*;
import static io.simfleet.testkit.Api.map;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.FakeNetwork;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Link, De-Link, Activation, Lifecycle Change, Delete, Roaming Profile and Plan Change: every listed code. */
class LifecycleCallsTest extends ApiTestBase {
    @Autowired
    FakeNetwork network;

    @Autowired
    EndpointOperations operations;

    Fixtures fx;
    Tenant t;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        t = fx.enterprise(8);
    }

    @Test
    void linkSim() {
        long ep = Fixtures.endpoint(t, null, false);
        link(t, ep, t.iccids().get(0)).expect("6409");
        assertEquals("PA", status(t, ep));
        assertEquals("Pre-Active", sim(t, t.iccids().get(0)).path("simStatus").asString());
        assertEquals(Long.toString(ep), sim(t, t.iccids().get(0)).path("endPointId").asString());
        link(t, ep, t.iccids().get(1)).expect("5016"); // the endpoint already holds a SIM

        long other = Fixtures.endpoint(t, null, false);
        link(t, other, t.iccids().get(0)).expect("10109"); // SIM Pre-Active on another endpoint
        long active = Fixtures.endpoint(t, t.iccids().get(2), true);
        link(t, other, t.iccids().get(2)).expect("2507");
        lifecycle(t, active, "S").expect("5017");
        link(t, other, t.iccids().get(2)).expect("10108");
        link(t, other, "8932042999999999999").expect("6410");
        link(t, other, "8932042000000018190").expect("6410"); // another account's SIM
        link(t, 999, t.iccids().get(3)).expect("6410");
        link(t, active, t.iccids().get(3)).expect("5016");
        t.api().post("/api/LinkSim", request(other)).expect("1000").expectDescription("Mandatory parameter missing - iccid");
        t.api().post("/api/LinkSim", map("Request", map("requestParam", map("iccid", t.iccids().get(3))))).expect("1000")
                .expectDescription("Mandatory parameter missing - endPointId");
        assertEquals("Ready To Activate", sim(t, t.iccids().get(3)).path("simStatus").asString());
        // the summary's spelling
        t.api().post("/api/linkSim", map("endpointInfo", map("endpointId", Long.toString(other), "iccid", t.iccids().get(3)))).expect("6409");
    }

    @Test
    void delinkSimThenRelinkFromHold() {
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, true);
        delink(t, ep).expect("6413");
        assertEquals("H", status(t, ep));
        JsonNode s = sim(t, iccid);
        assertEquals("Ready To Activate", s.path("simStatus").asString());
        assertEquals("-", s.path("endPointId").asString());
        JsonNode ranges = t.api().get("/api/fetchICCIDForProvisioning").response().path("responseParam").path("rows");
        assertTrue(ranges.get(0).path("iccidRange").asString().startsWith(iccid), ranges.toString());
        assertEquals(t.postPlan(), profile(t, ep).path("basicInfo").path("planId").asString(), "the plan stays");
        delink(t, ep).expect("6420");
        delink(t, 999).expect("6414");
        // Hold → link → Pre-Active → activate
        link(t, ep, t.iccids().get(1)).expect("6409");
        assertEquals("PA", status(t, ep));
        activate(t, ep).expect("5014");
        assertEquals("A", status(t, ep));
    }

    @Test
    void delinkWaitsForTheDataSessionToEnd() {
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, true);
        String imsi = imsi(t, iccid);
        network.openSession(imsi);
        try {
            delink(t, ep).expect("7021").expectDescription("Successful!! request has sent for processing!!");
            // worker rounds while the session is open (run here rather than waited for): the de-link stays queued
            assertEquals(0, operations.completePendingDelinks());
            assertEquals(0, operations.completePendingDelinks());
            assertEquals("A", status(t, ep));
            assertEquals("Active", sim(t, iccid).path("simStatus").asString());
            delink(t, ep).expect("7021");
        } finally {
            network.closeSession(imsi);
        }
        // the scheduled worker (every 200 ms in the tests) completes it once the session has ended
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).until(() -> status(t, ep), "H"::equals);
        assertEquals("Ready To Activate", sim(t, iccid).path("simStatus").asString());
    }

    @Test
    void activation() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), false);
        activate(t, ep).expect("5014");
        assertEquals("A", status(t, ep));
        assertEquals("Active", sim(t, t.iccids().get(0)).path("simStatus").asString());
        activate(t, ep).expect("2507");
        long noSim = Fixtures.endpoint(t, null, false);
        activate(t, noSim).expect("6420");
        lifecycle(t, ep, "S").expect("5017");
        activate(t, ep).expect("5015");
        activate(t, 999).expect("5015");
        t.api().post("/api/activateEndpoint", map("endpointInfo", map("endpointId", Long.toString(noSim)))).expect("6420");

        Tenant oem = fx.enterprise(1, "oemEnabled", true);
        long oemEp = Fixtures.endpoint(oem, oem.iccids().get(0), false);
        activate(oem, oemEp).expect("5014");
        assertEquals("AT", status(oem, oemEp));
        assertEquals("Active-Test", sim(oem, oem.iccids().get(0)).path("simStatus").asString());
    }

    @Test
    void lifecycleChange() {
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, true);
        Resp suspended = lifecycle(t, ep, "S").expect("5017");
        assertEquals("S", suspended.response().path("responseParam").path("currentStatus").asString());
        assertEquals("A", suspended.response().path("responseParam").path("previousStatus").asString());
        assertEquals("Suspended", sim(t, iccid).path("simStatus").asString());
        lifecycle(t, ep, "S").expect("1254");
        // by msisdn and by imsi
        JsonNode s = sim(t, iccid);
        t.api().post("/api/EndPointLifeCycleChange", map("Request", map("msisdn", s.path("msisdn").asString(),
                "requestParam", map("lifeCycle", "A", "reason", "3")))).expect("5017");
        t.api().post("/api/changeEndpointLifecycle", map("Request", map("imsi", s.path("iMSIList").get(0).path("masterIMSI").asString(),
                "requestParam", map("lifeCycle", "S")))).expect("5017");
        lifecycle(t, ep, "A").expect("5017");
        assertEquals("Active", sim(t, iccid).path("simStatus").asString());
        lifecycle(t, ep, "X").expect("1008");
        lifecycle(t, ep, "AT").expect("1008");
        lifecycle(t, ep, "AI").expect("5018"); // not an OEM state
        t.api().post("/api/EndPointLifeCycleChange", request(ep, "lifeCycle", "S", "reason", "9")).expect("1001")
                .expectDescription("Wrong input parameter - reason");
        t.api().post("/api/EndPointLifeCycleChange", request(ep, "reason", "1")).expect("1000")
                .expectDescription("Mandatory parameter missing - lifeCycle");
        long pre = Fixtures.endpoint(t, t.iccids().get(1), false);
        lifecycle(t, pre, "A").expect("8104");
        lifecycle(t, 999, "S").expect("5018");
        long gone = Fixtures.endpoint(t, null, false);
        delete(t, gone).expect("10159");
        lifecycle(t, gone, "S").expect("1009");
        // the reason is kept in the endpoint's events
        JsonNode events = t.api().get("/api/GetEndpointEvents?endPointId=" + ep).response().path("responseParam").path("events");
        boolean withReason = false;
        for (JsonNode e : events) withReason |= e.path("call").asString().equals("EndPointLifeCycleChange") && e.path("reason").asString().equals("3");
        assertTrue(withReason, events.toString());
    }

    @Test
    void eventsArePagedByPageOrResumedAfterAnEventId() {
        long ep = Fixtures.endpoint(t, t.iccids().get(2), true);
        lifecycle(t, ep, "S").expect("5017");
        lifecycle(t, ep, "A").expect("5017");
        lifecycle(t, ep, "S").expect("5017");
        JsonNode all = t.api().get("/api/GetEndpointEvents?endPointId=" + ep).response();
        JsonNode events = all.path("responseParam").path("events");
        int n = events.size();
        assertTrue(n >= 4, all.toString());
        assertEquals(Integer.toString(n), all.path("totalNoOfRecords").asString());
        // page 2 of 2 per page holds the third and fourth events
        JsonNode page2 = t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=2&page=2").response();
        assertEquals(events.get(2).path("eventId").asString(), page2.path("responseParam").path("events").get(0).path("eventId").asString());
        assertEquals(Integer.toString((n + 1) / 2), page2.path("totalNoOfPages").asString());
        // resuming after the second event gives the rest, in order
        String second = events.get(1).path("eventId").asString();
        JsonNode rest = t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&afterEventId=" + second).response()
                .path("responseParam").path("events");
        assertEquals(n - 2, rest.size());
        assertEquals(events.get(2).path("eventId").asString(), rest.get(0).path("eventId").asString());
        assertEquals(events.get(n - 1).path("eventId").asString(), rest.get(n - 3).path("eventId").asString());
        // past the end: no rows
        String last = events.get(n - 1).path("eventId").asString();
        assertEquals(0, t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&afterEventId=" + last).response()
                .path("responseParam").path("events").size());
        t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&afterEventId=x").expect("1001")
                .expectDescription("Wrong input parameter - afterEventId");
    }

    @Test
    void oemLifecycle() {
        Tenant oem = fx.enterprise(3, "oemEnabled", true);
        long ep = Fixtures.endpoint(oem, oem.iccids().get(0), true);
        assertEquals("AT", status(oem, ep));
        lifecycle(oem, ep, "S").expect("5018"); // Active-Test cannot be suspended
        Resp toInventory = lifecycle(oem, ep, "AI").expect("5017");
        assertEquals("AI", toInventory.response().path("responseParam").path("currentStatus").asString());
        assertEquals("AT", toInventory.response().path("responseParam").path("previousStatus").asString());
        assertEquals("Active-Inventory", sim(oem, oem.iccids().get(0)).path("simStatus").asString());
        lifecycle(oem, ep, "A").expect("5017");
        assertEquals("A", status(oem, ep));
        lifecycle(oem, ep, "S").expect("5017"); // A → S applies to OEM accounts too
        long ep2 = Fixtures.endpoint(oem, oem.iccids().get(1), true);
        lifecycle(oem, ep2, "A").expect("5017"); // AT → A
    }

    @Test
    void parentNotActive1242() {
        long reseller = fx.admin().post("/admin/resellers", map("parentAccountId", 10000001, "name", "Closing reseller")).json().path("id").asLong();
        Tenant child = fx.enterprise(1, "parentAccountId", reseller);
        long ep = Fixtures.endpoint(child, child.iccids().get(0), true);
        assertEquals(200, fx.admin().patch("/admin/accounts/" + reseller, map("active", false)).status());
        lifecycle(child, ep, "S").expect("1242");
        assertEquals("A", status(child, ep));
    }

    @Test
    void deleteEndpoint() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true, "tagIds", "");
        delete(t, ep).expect("10158").expectDescription("Delete Endpoint is not allowed. Please De-Link SIM first.");
        delink(t, ep).expect("6413");
        delete(t, ep).expect("10159").expectDescription("Endpoint successfully deleted.");
        assertEquals("0", t.api().get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());
        t.api().get("/api/GetEndPointProfile?endPointId=" + ep).expect("1083");
        // its history is kept
        JsonNode events = t.api().get("/api/GetEndpointEvents?endPointId=" + ep).expect("1082").response().path("responseParam").path("events");
        assertEquals("DeleteEndPoint", events.get(events.size() - 1).path("call").asString());
        delete(t, ep).expect("1001");
        delete(t, 999).expect("1001").expectDescription("Wrong input parameter - endPointId");
        t.api().post("/api/deleteEndpoint", map("endpointInfo", map())).expect("1000");
        long pa = Fixtures.endpoint(t, null, false);
        t.api().post("/api/deleteEndpoint", map("endpointInfo", map("endpointId", Long.toString(pa)))).expect("10159");
    }

    @Test
    void roamingProfileChange() {
        long acc = t.accountId();
        String rp = Fixtures.roamingProfile(t);
        String sp = t.api().get("/api/GetServiceProfile").response().path("responseParam").path("rows").get(0).path("profileId").asString();
        long rp2 = fx.admin().post("/admin/accounts/" + acc + "/roaming-profiles", map("name", "EUROPE")).json().path("id").asLong();
        long rp3 = fx.admin().post("/admin/accounts/" + acc + "/roaming-profiles", map("name", "NOT IN PLAN")).json().path("id").asLong();
        String planId = "MULTI" + acc;
        fx.admin().post("/admin/accounts/" + acc + "/plans", map("planId", planId, "name", "MULTI", "category", "NORMAL",
                "roamingProfileIds", List.of(Long.parseLong(rp), rp2), "serviceProfileId", sp));
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true, "planId", planId);
        roaming(t, ep, List.of(Long.toString(rp2))).expect("1372");
        assertEquals(Long.toString(rp2), profile(t, ep).path("basicInfo").path("roamingProfileId").asString());
        roaming(t, ep, List.of(rp, Long.toString(rp2))).expect("1372");
        assertEquals("DEFAULT|EUROPE", profile(t, ep).path("basicInfo").path("roamingProfileName").asString());
        roaming(t, ep, List.of(Long.toString(rp3))).expect("1001").expectDescription("Wrong input parameter - roamingProfileIds");
        roaming(t, ep, List.of("358")).expect("1001"); // another account's
        roaming(t, ep, List.of()).expect("1000");
        long pa = Fixtures.endpoint(t, t.iccids().get(1), false, "planId", planId);
        roaming(t, pa, List.of(rp)).expect("2503");
        roaming(t, 999, List.of(rp)).expect("1373");

        Tenant oem = fx.enterprise(1, "oemEnabled", true);
        long oemEp = Fixtures.endpoint(oem, oem.iccids().get(0), true);
        String oemRp = Fixtures.roamingProfile(oem);
        roaming(oem, oemEp, List.of(oemRp)).expect("1372"); // allowed in Active-Test
        JsonNode rps = oem.api().get("/api/GetRoamingProfiles").response().path("responseParam").path("rows");
        String testRp = null;
        for (JsonNode r : rps) if (r.path("roamingProfileName").asString().equals("TEST_ROAMING")) testRp = r.path("roamingProfileId").asString();
        roaming(oem, oemEp, List.of(testRp)).expect("1001");
    }

    @Test
    void planChange() {
        long acc = t.accountId();
        fx.normalPlan(t, "GOLD" + acc);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        plan(t, ep, "GOLD" + acc).expect("7001");
        assertEquals("GOLD" + acc, profile(t, ep).path("basicInfo").path("planId").asString());
        plan(t, ep, "GOLD" + acc).expect("5020");
        plan(t, ep, t.prePlan()).expect("7000");
        plan(t, ep, "NOPE").expect("1001").expectDescription("Wrong input parameter - planId");
        plan(t, 999, t.postPlan()).expect("7002");
        long gone = Fixtures.endpoint(t, null, false);
        delete(t, gone).expect("10159");
        plan(t, gone, "GOLD" + acc).expect("7002");
        long hold = Fixtures.endpoint(t, t.iccids().get(1), true);
        delink(t, hold).expect("6413");
        plan(t, hold, "GOLD" + acc).expect("7001"); // every state but deactivated

        Tenant oem = fx.enterprise(1, "oemEnabled", true);
        long oemEp = Fixtures.endpoint(oem, oem.iccids().get(0), true);
        plan(oem, oemEp, oem.postPlan()).expect("10173");
    }

    @Test
    void everyChangeIsAnEventWithActorCallStatesAndRequestId() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        lifecycle(t, ep, "S").expect("5017");
        // a reseller acting through support access is named as the actor
        String token = anon().loginRaw("reseller", "reseller", t.accountId()).json().path("AccessToken").asString();
        Resp resumed = anon().withToken(token).post("/api/EndPointLifeCycleChange", request(ep, "lifeCycle", "A", "reason", "2")).expect("5017");
        JsonNode events = t.api().get("/api/GetEndpointEvents?endPointId=" + ep).expect("1082").response().path("responseParam").path("events");
        List<String> calls = new ArrayList<>();
        for (JsonNode e : events) calls.add(e.path("call").asString());
        assertEquals(List.of("CreateEndPoint", "LinkSim", "EndPointActivation", "EndPointLifeCycleChange", "EndPointLifeCycleChange"), calls);
        JsonNode last = events.get(events.size() - 1);
        assertEquals("reseller", last.path("actor").asString());
        assertEquals("S", last.path("fromStatus").asString());
        assertEquals("A", last.path("toStatus").asString());
        assertEquals("2", last.path("reason").asString());
        assertEquals(resumed.response().path("responseId").asString(), last.path("requestId").asString());
        Resp page3 = t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=2&page=3").expect("1082");
        assertEquals("5", page3.response().path("totalNoOfRecords").asString());
        assertEquals("3", page3.response().path("totalNoOfPages").asString());
        assertEquals(1, page3.response().path("responseParam").path("events").size());
    }
}
