package io.simfleet.diagnosis;

import static io.simfleet.testkit.Api.map;
import static io.simfleet.testkit.Api.request;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.endpoint.EndpointOperations;
import io.simfleet.simulator.NetworkSimulator;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.FakeNetwork;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Data sessions of the in-process network simulator (fixed seed, no random traffic, sessions
 * opened and closed by the operator's scenario routes) seen through real HTTP: the address a
 * session gets (the endpoint's static address when it is in an endpoint group), and a de-link
 * asked for during a session (queued, 7021, and completed when the session ends).
 */
class SimulatedSessionTest extends ApiTestBase {
    @Autowired
    FakeNetwork fake;

    @Autowired
    NetworkSimulator simulator;

    @Autowired
    EndpointOperations operations;

    Fixtures fx;

    @BeforeEach
    void simulate() {
        fake.forwardTo(simulator);
        fx = new Fixtures(anon());
    }

    @AfterEach
    void stop() {
        fake.forwardTo(null);
    }

    private Resp session(String imsi, boolean open, long bytes) {
        Resp r = fx.admin().post("/admin/network/sims/" + imsi + "/session", map("open", open, "bytes", bytes));
        assertEquals(200, r.status(), r.raw());
        return r;
    }

    private Resp status(Tenant t, long ep) {
        return t.api().get("/api/fetchNetworkStatus?endPointId=" + ep);
    }

    private JsonNode statusInfo(Tenant t, long ep) {
        return status(t, ep).expect("11008").response().path("responseParam").path("networkStatusInfo");
    }

    private static JsonNode basicInfo(Tenant t, long ep) {
        return t.api().get("/api/GetEndPointProfile?endPointId=" + ep).expect("1082").response().path("info").path("basicInfo");
    }

    private static JsonNode sim(Tenant t, String iccid) {
        return t.api().get("/api/fetchSIM?iccid=" + iccid).expect("10021").response().path("responseParam").path("rows").get(0);
    }

    private static List<String> events(Tenant t, long ep) {
        List<String> seen = new ArrayList<>();
        t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=200").expect("1082").response().path("responseParam").path("events")
                .forEach(e -> seen.add(e.path("call").asString() + ":" + e.path("detail").asString("")));
        return seen;
    }

    private void registered(Tenant t, long ep) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "11008".equals(status(t, ep).code()));
    }

    @Test
    void aSessionOfAnEndpointInAGroupHasItsStaticAddressAndOneInNoGroupADynamicOne() {
        Tenant t = fx.enterprise(2);
        String iccid = t.iccids().get(0);
        String imsi = Fixtures.imsi(iccid);
        long ep = Fixtures.endpoint(t, iccid, true);
        long other = Fixtures.endpoint(t, t.iccids().get(1), true);
        Resp slice = fx.admin().post("/admin/accounts/" + t.accountId() + "/vslices", map("name", Fixtures.uniqueName("slice"), "subnet", "10.77.0.0/29"));
        assertEquals(201, slice.status(), slice.raw());
        String group = t.api().post("/api/CreateEndpointGroup", request("vSliceId", slice.json().path("id").asLong(),
                "endpointGroupName", Fixtures.uniqueName("group"))).expect("10951").response().path("endpointGroupId").asString();
        t.api().post("/api/AssignEndpointGroup", map("Request", map("endPointId", Long.toString(ep),
                "requestParam", map("endpointGroupId", group, "ipAddress", "10.77.0.5")))).expect("10955");
        assertEquals("10.77.0.5", basicInfo(t, ep).path("staticIP").asString());
        registered(t, ep);
        registered(t, other);

        // not in session: no address shown
        JsonNode idle = statusInfo(t, ep);
        assertEquals("Not Connected", idle.path("networkStatus").asString());
        assertTrue(idle.path("ipAddress").isMissingNode(), idle.toString());
        assertEquals("30", basicInfo(t, ep).path("networkStateId").asString(), "idle");

        // in session: the PGW gives the endpoint its static address, and fetchNetworkStatus shows it
        assertEquals("10.77.0.5", session(imsi, true, 0).json().path("ipAddress").asString(), "the simulator's session");
        JsonNode connected = statusInfo(t, ep);
        assertEquals("Connected", connected.path("networkStatus").asString());
        assertEquals("10.77.0.5", connected.path("ipAddress").asString(), connected.toString());
        assertEquals("40", basicInfo(t, ep).path("networkStateId").asString(), "active");
        assertEquals("10.77.0.5", t.api().get("/api/fetchNetworkStatus?iccid=" + iccid).expect("11008").response()
                .path("responseParam").path("networkStatusInfo").path("ipAddress").asString(), "by iccid too");

        // an endpoint in no group: an address of the carrier-grade NAT range
        String otherImsi = Fixtures.imsi(t.iccids().get(1));
        assertTrue(session(otherImsi, true, 0).json().path("ipAddress").asString().startsWith("100.64."));
        assertTrue(statusInfo(t, other).path("ipAddress").asString().startsWith("100.64."));

        // out of its group: the next session has a dynamic address, and the status never shows the released one
        session(imsi, false, 0);
        t.api().post("/api/UnassignEndpointGroup", map("Request", map("endPointId", Long.toString(ep)))).expect("10956");
        String dynamic = session(imsi, true, 0).json().path("ipAddress").asString();
        assertTrue(dynamic.startsWith("100.64."), dynamic);
        assertEquals(dynamic, statusInfo(t, ep).path("ipAddress").asString());
        session(imsi, false, 0);
        session(otherImsi, false, 0);
    }

    @Test
    void aDelinkDuringASimulatedSessionIsQueuedAndCompletesWhenTheSessionEnds() {
        Tenant t = fx.enterprise(1);
        String iccid = t.iccids().get(0);
        String imsi = Fixtures.imsi(iccid);
        long ep = Fixtures.endpoint(t, iccid, true);
        registered(t, ep);
        session(imsi, true, 0);
        assertEquals("Connected", statusInfo(t, ep).path("networkStatus").asString());

        // asked during the session: queued, as the reference's 7021
        t.api().post("/api/DeLinkSim", map("Request", map("endPointId", Long.toString(ep))))
                .expect("7021").expectDescription("Successful!! request has sent for processing!!");

        // while the session lasts, hours on: the SIM stays linked, the endpoint Active, the session up
        try {
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofHours(1));
                assertEquals(0, operations.completePendingDelinks(), "nothing completes while the session is open");
            }
        } finally {
            clock.reset(); // (tokens last an hour)
        }
        JsonNode during = basicInfo(t, ep);
        assertEquals("A", during.path("currentStatus").asString());
        assertEquals(imsi, during.path("imsi").asString(), "still linked");
        JsonNode linked = sim(t, iccid);
        assertEquals("Active", linked.path("simStatus").asString());
        assertEquals(Long.toString(ep), linked.path("endPointId").asString(), linked.toString());
        JsonNode held = fx.admin().get("/admin/network/sims/" + imsi).json();
        assertEquals(true, held.path("session").asBoolean(), held.toString());
        assertEquals(true, held.path("attached").asBoolean(), held.toString());
        assertEquals("Connected", statusInfo(t, ep).path("networkStatus").asString());
        // asked again: still queued, one queued event
        t.api().post("/api/DeLinkSim", map("Request", map("endPointId", Long.toString(ep)))).expect("7021");
        assertEquals(1, events(t, ep).stream().filter(e -> e.startsWith("DeLinkSim:queued")).count(), events(t, ep).toString());

        // the session ends (with its usage): the de-link completes at once, without waiting for the worker
        session(imsi, false, 5_000_000);
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .until(() -> basicInfo(t, ep).path("currentStatus").asString(), "H"::equals);
        JsonNode after = basicInfo(t, ep);
        assertTrue(after.path("imsi").isMissingNode(), "no SIM: " + after);
        assertEquals("30", after.path("provisioningStateId").asString(), "Hold is pending");
        assertEquals("10", after.path("networkStateId").asString(), "no SIM: unknown to the network");
        JsonNode freed = sim(t, iccid);
        assertEquals("Ready To Activate", freed.path("simStatus").asString());
        assertEquals("-", freed.path("endPointId").asString(), freed.toString());
        assertEquals("NOT ATTACHED", freed.path("simAttachStatus").asString(), freed.toString());
        // the network was told: the SIM is forgotten by the simulator, and the endpoint answers as not served
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.describe(imsi).isEmpty());
        status(t, ep).expect("2503");

        // the history in order: queued, the session's end, then the de-link itself
        List<String> seen = events(t, ep);
        int queued = seen.indexOf("DeLinkSim:queued: data session ongoing for iccid=" + iccid);
        int ended = seen.indexOf("Network:SESSION_ENDED");
        int done = seen.indexOf("DeLinkSim:iccid=" + iccid);
        assertTrue(queued >= 0 && ended > queued && done > ended, seen.toString());
        assertFalse(seen.subList(done + 1, seen.size()).stream().anyMatch(e -> e.startsWith("DeLinkSim")), seen.toString());

        // the SIM can be linked again at once
        long again = Fixtures.endpoint(t, iccid, true);
        registered(t, again);
    }
}
