package io.simfleet.diagnosis;

import static io.simfleet.testkit.Api.map;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.simulator.NetworkSimulator;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.FakeNetwork;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * fetchNetworkStatus, locationInfo, endpointCoverage and endPointBlacklisting against the network
 * simulator (commands reach it through the outbox; fixed seed, no random traffic), through real
 * HTTP: a scenario in which the four calls and the endpoint's events agree at every step, and
 * every code of the four calls.
 */
class NetworkCallsTest extends ApiTestBase {
    @Autowired
    FakeNetwork fake;

    @Autowired
    NetworkSimulator simulator;

    Fixtures fx;

    @BeforeEach
    void simulate() {
        fake.forwardTo(simulator);
        fx = new Fixtures(anon());
    }

    @AfterEach
    void stop() {
        fake.forwardTo(null);
        simulator.fault(null, null);
    }

    Resp status(Tenant t, String query) {
        return t.api().get("/api/fetchNetworkStatus?" + query);
    }

    JsonNode statusInfo(Tenant t, long ep) {
        return status(t, "endPointId=" + ep).expect("11008").response().path("responseParam").path("networkStatusInfo");
    }

    Resp blacklist(Tenant t, long ep, List<?> add, List<?> remove) {
        Map<String, Object> info = map("resourceType", "endPointId", "value", Long.toString(ep));
        if (add != null) info.put("add", add);
        if (remove != null) info.put("remove", remove);
        return t.api().post("/api/endPointBlacklisting", map("coverageBlacklistInfo", info));
    }

    Resp admin(String path, Object body) {
        Resp r = fx.admin().post("/admin/network" + path, body);
        assertEquals(200, r.status(), r.raw());
        return r;
    }

    @Test
    void anEndpointRegistersRoamsIsBlacklistedOffItsNetworkAndDetachesAndTheCallsAgree() {
        Tenant t = fx.enterprise(1);
        String iccid = t.iccids().get(0);
        String imsi = Fixtures.imsi(iccid);
        long ep = Fixtures.endpoint(t, iccid, true);

        // activated: the network registers it at home (Belgium, Proximus first in the DEFAULT profile)
        await().atMost(Duration.ofSeconds(20)).until(() -> "11008".equals(status(t, "endPointId=" + ep).code()));
        JsonNode home = statusInfo(t, ep);
        assertEquals("BELTB", home.path("tadigCode").asString());
        assertEquals("Belgium", home.path("countryName").asString());
        assertEquals("206", home.path("operatorMCC").asString());
        assertEquals("01", home.path("operatorMNC").asString());
        assertEquals("Not Connected", home.path("networkStatus").asString());
        assertEquals("BELTB", statusInfo(t, ep).path("tadigCode").asString(), "by endPointId");
        assertEquals("BELTB", status(t, "imsi=" + imsi).expect("11008").response().path("responseParam")
                .path("networkStatusInfo").path("tadigCode").asString(), "by imsi");
        JsonNode where = t.api().get("/api/locationInfo?iccid=" + iccid).expect("10084").response().path("responseParam");
        assertEquals(imsi, where.path("imsi").asString());
        assertEquals("Proximus", where.path("geolocation").path("operatorName").asString());
        assertEquals("206", where.path("geolocation").path("mcc").asString());
        assertTrue(where.path("geolocation").path("cellId").asString().matches("\\d+"));

        // a data session: Connected, with an IP address and the default policy
        admin("/sims/" + imsi + "/session", map("open", true));
        JsonNode connected = statusInfo(t, ep);
        assertEquals("Connected", connected.path("networkStatus").asString());
        assertEquals("Default", connected.path("policyStatus").asString());
        assertTrue(connected.path("ipAddress").asString().startsWith("100.64."), connected.toString());

        // roams to Germany: Telekom Deutschland, and the session on the Belgian network ended
        admin("/sims/" + imsi + "/move", map("country", "Germany"));
        JsonNode germany = statusInfo(t, ep);
        assertEquals("DEUD1", germany.path("tadigCode").asString());
        assertEquals("Not Connected", germany.path("networkStatus").asString());

        // blacklisted off its network: moved to another German network at once
        blacklist(t, ep, List.of(map("tadigCode", "DEUD1", "categoryGroupId", "SP14073")), null).expect("10135")
                .expectDescription("Endpoint blacklist modification success");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEUD2".equals(statusInfo(t, ep).path("tadigCode").asString()));
        JsonNode black = t.api().get("/api/endpointCoverage?endPointId=" + ep + "&blacklisted=true").expect("10132")
                .response().path("responseParam").path("coverage");
        assertEquals(1, black.size(), black.toString());
        assertEquals("DEUD1", black.get(0).path("tadigCode").asString());
        assertEquals("true", black.get(0).path("blacklisted").asString());
        assertEquals("IR1", black.get(0).path("categoryGroupName").asString());
        JsonNode open = t.api().get("/api/endpointCoverage?imsi=" + imsi + "&blacklisted=false").expect("10132")
                .response().path("responseParam").path("coverage");
        assertTrue(open.size() > 10, open.toString());
        for (JsonNode n : open) assertEquals("false", n.path("blacklisted").asString());
        assertEquals("Yes", t.api().get("/api/GetEndPointProfile?endPointId=" + ep).json().path("Response").path("info")
                .path("basicInfo").path("blacklistedNetworks").asString());

        // an SMS it sends is a usage record of its endpoint; the operator reads the SIM as the network holds it
        admin("/sims/" + imsi + "/sms", map("direction", "MO"));
        JsonNode sim = fx.admin().get("/admin/network/sims/" + imsi).json();
        assertEquals("DEUD2", sim.path("tadigCode").asString(), sim.toString());
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.time.format.DateTimeFormatter ymd = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
        JsonNode sms = t.api().get("/api/GetStatistics?endPointId=" + ep + "&from_date=" + today.minusDays(1).format(ymd)
                + "&to_date=" + today.plusDays(1).format(ymd)).expect("2589").response().path("responseParam").path("smsTotalUsage");
        assertEquals("SMS_MO", sms.get(0).path("serviceName").asString(), sms.toString());
        assertEquals("1", sms.get(0).path("totalCount").asString());

        // its network goes down: it re-registers on the country's remaining one; up again, nothing moves back
        admin("/networks/DEUD2", map("up", false));
        assertEquals("DEUE2", statusInfo(t, ep).path("tadigCode").asString(), "Telefonica, the last German network it may use");
        admin("/networks/DEUD2", map("up", true));
        assertEquals("DEUE2", statusInfo(t, ep).path("tadigCode").asString());

        // suspended: the network detaches it
        t.api().post("/api/EndPointLifeCycleChange", map("Request", map("endPointId", Long.toString(ep),
                "requestParam", map("lifeCycle", "S", "reason", "1")))).expect("5017");
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.FALSE.equals(simulator.describe(imsi).orElseThrow().get("attached")));
        t.api().get("/api/locationInfo?endPointId=" + ep).expect("10089").expectDescription("Endpoint is detached");
        status(t, "endPointId=" + ep).expect("2503").expectDescription("Subscriber not in active state");

        // the history tells what the network saw
        List<String> seen = new ArrayList<>();
        t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=200").response().path("responseParam").path("events")
                .forEach(e -> seen.add(e.path("call").asString() + ":" + e.path("detail").asString()));
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("Network:ATTACHED BELTB")), seen.toString());
        assertTrue(seen.contains("Network:SESSION_STARTED"), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("Network:ATTACHED DEUD1")), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("endPointBlacklisting:")), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("Network:ATTACHED DEUD2")), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("Network:DETACHED")), seen.toString());
    }

    @Test
    void aSimTheSimulatorHasNotHeardOfIsLearntFromTheProvisioning() {
        // activated while the simulator was not listening (as before a restart: its state is in memory)
        fake.forwardTo(null);
        Tenant t = fx.enterprise(1);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        String imsi = Fixtures.imsi(t.iccids().get(0));
        fake.forwardTo(simulator);
        assertTrue(simulator.describe(imsi).isEmpty());
        JsonNode where = t.api().get("/api/locationInfo?endPointId=" + ep).expect("10084").response().path("responseParam");
        assertEquals("Belgium", where.path("geolocation").path("countryName").asString());
        assertEquals("BELTB", statusInfo(t, ep).path("tadigCode").asString(), "and the registration was reported");
    }

    @Test
    void everyCodeOfTheFourCalls() {
        Tenant t = fx.enterprise(2);
        String iccid = t.iccids().get(0);
        String imsi = Fixtures.imsi(iccid);
        long ep = Fixtures.endpoint(t, iccid, true);
        long idle = Fixtures.endpoint(t, t.iccids().get(1), false);
        await().atMost(Duration.ofSeconds(20)).until(() -> "11008".equals(status(t, "endPointId=" + ep).code()));

        // fetchNetworkStatus
        status(t, "endPointId=" + ep + "&imsi=" + imsi).expect("10097").expectDescription("Multiple query parameters are not allowed");
        status(t, "").expect("1000");
        status(t, "endPointId=99999999999").expect("11009");
        status(t, "endPointId=" + idle).expect("2503");
        status(t, "msisdn=abc").expect("1001");

        // locationInfo: the faults of the network side, and a question that never answers is cut short
        simulator.fault(imsi, "HSS_UNREACHABLE");
        t.api().get("/api/locationInfo?endPointId=" + ep).expect("10087").expectDescription("HSS connection failed");
        simulator.fault(imsi, "NO_LOCATION");
        t.api().get("/api/locationInfo?endPointId=" + ep).expect("10094");
        simulator.fault(imsi, "HSS_TIMEOUT");
        t.api().get("/api/locationInfo?endPointId=" + ep).expect("10088");
        simulator.fault(imsi, "HANG");
        long t0 = System.nanoTime();
        t.api().get("/api/locationInfo?endPointId=" + ep).expect("10088").expectDescription("Failure!! request to HSS timed out");
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "answered within the bounded time");
        simulator.fault(imsi, null);
        t.api().get("/api/locationInfo?endPointId=" + ep).expect("10084");
        t.api().get("/api/locationInfo?endPointId=99999999999").expect("10085");
        t.api().get("/api/locationInfo").expect("1000");

        // endpointCoverage
        t.api().get("/api/endpointCoverage").expect("1000").expectDescription("Mandatory parameter missing - msisdn/endPointId/iccid/imsi");
        t.api().get("/api/endpointCoverage?endPointId=99999999999").expect("10133");
        t.api().get("/api/endpointCoverage?endPointId=" + ep + "&blacklisted=maybe").expect("1001");
        Tenant other = fx.enterprise(0);
        other.api().get("/api/endpointCoverage?endPointId=" + ep).expect("10133");

        // endPointBlacklisting: the reference's three refusals, and ours
        List<Map<String, Object>> beltb = List.of(map("tadigCode", "BELTB", "categoryGroupId", "IR1"));
        blacklist(t, ep, beltb, beltb).expect("10134").expectDescription("Modify endpoint(s) failure - Cannot add and remove the same network");
        blacklist(t, ep, null, beltb).expect("10134").expectDescription("Modify endpoint(s) failure - No network available to remove");
        blacklist(t, ep, beltb, null).expect("10135");
        blacklist(t, ep, beltb, null).expect("10134")
                .expectDescription("Modify endpoint(s) failure - already blacklisted networks are present in add list");
        blacklist(t, ep, List.of(map("tadigCode", "ZZZZZ", "categoryGroupId", "IR1")), null).expect("10134");
        blacklist(t, ep, List.of(map("tadigCode", "BELMO", "categoryGroupId", "IR9")), null).expect("1001");
        blacklist(t, ep, null, null).expect("1000");
        blacklist(t, 99999999999L, beltb, null).expect("10136");
        other.api().post("/api/endPointBlacklisting", map("coverageBlacklistInfo", map("resourceType", "endPointId",
                "value", Long.toString(ep), "remove", beltb))).expect("10136");
        t.api().post("/api/endPointBlacklisting", map()).expect("1000");
        t.api().post("/api/endPointBlacklisting", map("coverageBlacklistInfo", map("resourceType", "name", "value", "x",
                "add", beltb))).expect("1001");
        blacklist(t, ep, null, beltb).expect("10135");
        assertEquals(0, t.api().get("/api/endpointCoverage?endPointId=" + ep + "&blacklisted=true").response()
                .path("responseParam").path("coverage").size());
        // refused changes changed nothing; the accepted ones show in the history
        long changes = 0;
        for (JsonNode e : t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=200").response().path("responseParam").path("events")) {
            if (e.path("call").asString().equals("endPointBlacklisting")) changes++;
        }
        assertEquals(2, changes);
    }
}
