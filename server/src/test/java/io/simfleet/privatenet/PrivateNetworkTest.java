package io.simfleet.privatenet;

import static io.simfleet.testkit.Api.map;
import static io.simfleet.testkit.Api.request;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.network.NetworkCommand;
import io.simfleet.network.NetworkEventPort;
import io.simfleet.network.NetworkReport;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.FakeNetwork;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * VSlices, endpoint groups and static addresses over HTTP (docs/network.md, "Private network"):
 * every code of the calls, addresses kept and released, tenant isolation, the numbered states,
 * the account's opt-in, and concurrent assignments into a small subnet.
 */
class PrivateNetworkTest extends ApiTestBase {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    FakeNetwork network;

    @Autowired
    NetworkEventPort platform;

    Fixtures fx;
    Tenant t;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        t = fx.enterprise(10);
    }

    // --- helpers

    long slice(Tenant tenant, String subnet) {
        Resp r = fx.admin().post("/admin/accounts/" + tenant.accountId() + "/vslices", map("name", Fixtures.uniqueName("slice"), "subnet", subnet));
        assertEquals(201, r.status(), r.raw());
        return r.json().path("id").asLong();
    }

    long group(Tenant tenant, long slice) {
        return Long.parseLong(tenant.api().post("/api/CreateEndpointGroup", request("vSliceId", slice, "endpointGroupName", Fixtures.uniqueName("group")))
                .expect("10951").response().path("endpointGroupId").asString());
    }

    static Resp assign(Tenant tenant, long ep, long group, String ip) {
        Map<String, Object> param = map("endpointGroupId", Long.toString(group));
        if (ip != null) param.put("ipAddress", ip);
        return tenant.api().post("/api/AssignEndpointGroup", map("Request", map("endPointId", Long.toString(ep), "requestParam", param)));
    }

    static Resp unassign(Tenant tenant, long ep) {
        return tenant.api().post("/api/UnassignEndpointGroup", map("Request", map("endPointId", Long.toString(ep))));
    }

    static JsonNode basicInfo(Tenant tenant, long ep) {
        return tenant.api().get("/api/GetEndPointProfile?endPointId=" + ep).expect("1082").response().path("info").path("basicInfo");
    }

    static JsonNode groups(Tenant tenant, String query) {
        return tenant.api().get("/api/GetEndpointGroups" + query).expect("10952").response().path("responseParam").path("endpointGroups");
    }

    static List<String> calls(Tenant tenant, long ep) {
        List<String> calls = new ArrayList<>();
        tenant.api().get("/api/GetEndpointEvents?endPointId=" + ep).expect("1082").response().path("responseParam").path("events")
                .forEach(e -> calls.add(e.path("call").asString() + " " + e.path("detail").asString("")));
        return calls;
    }

    // --- slices and groups

    @Test
    void slicesAreTheOperatorsGroupsTheEnterprises() {
        long s = slice(t, "10.20.0.0/24");
        JsonNode listed = fx.admin().get("/admin/accounts/" + t.accountId() + "/vslices").json();
        assertEquals(1, listed.size());
        assertEquals("10.20.0.0/24", listed.get(0).path("subnet").asString());
        assertEquals(254, listed.get(0).path("totalAddresses").asLong());

        JsonNode seen = t.api().get("/api/GetVSlices").expect("10950").response().path("responseParam").path("vSlices");
        assertEquals(1, seen.size());
        assertEquals(Long.toString(s), seen.get(0).path("vSliceId").asString());
        assertEquals("254", seen.get(0).path("freeAddresses").asString());
        t.api().get("/api/GetVSlices?vSliceId=" + s).expect("10950");
        t.api().get("/api/GetVSlices?vSliceId=99").expect("1359");
        t.api().get("/api/GetVSlices?vSliceId=x").expect("1001").expectDescription("Wrong input parameter - vSliceId");

        long g = group(t, s);
        JsonNode one = groups(t, "?endpointGroupId=" + g).get(0);
        assertEquals(Long.toString(s), one.path("vSliceId").asString());
        assertEquals("0", one.path("endpointCount").asString());
        assertEquals("10.20.0.0/24", one.path("subnet").asString());
        t.api().post("/api/RenameEndpointGroup", request("endpointGroupId", g, "endpointGroupName", "Water tanks")).expect("10953");
        assertEquals("Water tanks", groups(t, "?vSliceId=" + s).get(0).path("endpointGroupName").asString());
        t.api().get("/api/GetEndpointGroups?endpointGroupId=99").expect("1359");
        t.api().get("/api/GetEndpointGroups?vSliceId=99").expect("1359");

        // a slice with groups cannot go; an empty group can
        Resp refused = fx.admin().delete("/admin/accounts/" + t.accountId() + "/vslices/" + s);
        assertEquals(400, refused.status(), refused.raw());
        assertEquals("10963", refused.json().path("resultCode").asString());
        t.api().post("/api/DeleteEndpointGroup", request("endpointGroupId", g)).expect("10954");
        t.api().post("/api/DeleteEndpointGroup", request("endpointGroupId", g)).expect("1001").expectDescription("Wrong input parameter - endpointGroupId");
        Resp renamed = fx.admin().patch("/admin/accounts/" + t.accountId() + "/vslices/" + s, map("name", "Festival"));
        assertEquals("Festival", renamed.json().path("name").asString(), renamed.raw());
        assertEquals(204, fx.admin().delete("/admin/accounts/" + t.accountId() + "/vslices/" + s).status());
        assertEquals(0, t.api().get("/api/GetVSlices").response().path("responseParam").path("vSlices").size());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        long s = slice(t, "10.30.0.0/24");
        String path = "/admin/accounts/" + t.accountId() + "/vslices";
        for (Object[] c : new Object[][] {
                {map("name", "x", "subnet", "10.31.0.5/24"), "1001", "subnet"},
                {map("name", "x", "subnet", "10.31.0.0/31"), "1001", "subnet"},
                {map("name", "x", "subnet", "10.30.0.128/25"), "1001", "subnet"},   // overlaps s
                {map("name", "x"), "1000", "subnet"},
                {map("subnet", "10.32.0.0/24"), "1000", "name"}}) {
            Resp r = fx.admin().post(path, c[0]);
            assertEquals(400, r.status(), r.raw());
            assertEquals(c[1], r.json().path("resultCode").asString(), r.raw());
            assertTrue(r.json().path("resultDescription").asString().contains(" - " + c[2]), r.raw());
        }
        String name = fx.admin().get(path).json().get(0).path("name").asString();
        Resp dup = fx.admin().post(path, map("name", name.toUpperCase(), "subnet", "10.33.0.0/24"));
        assertEquals("1001", dup.json().path("resultCode").asString(), dup.raw());
        assertEquals(1, fx.admin().get(path).json().size(), "nothing created");
        Resp operatorAccount = fx.admin().post("/admin/accounts/10000001/vslices", map("name", "x", "subnet", "10.9.0.0/24"));
        assertEquals(400, operatorAccount.status());
        assertEquals(404, fx.admin().get("/admin/accounts/99/vslices").status());

        t.api().post("/api/CreateEndpointGroup", request("endpointGroupName", "a")).expect("1000").expectDescription("Mandatory parameter missing - vSliceId");
        t.api().post("/api/CreateEndpointGroup", request("vSliceId", "abc", "endpointGroupName", "a")).expect("1001")
                .expectDescription("Wrong input parameter - vSliceId");
        t.api().post("/api/CreateEndpointGroup", request("vSliceId", 99, "endpointGroupName", "a")).expect("1001")
                .expectDescription("Wrong input parameter - vSliceId");
        t.api().post("/api/CreateEndpointGroup", request("vSliceId", s)).expect("1000").expectDescription("Mandatory parameter missing - endpointGroupName");
        t.api().post("/api/CreateEndpointGroup", request("vSliceId", s, "endpointGroupName", "tab\there")).expect("1001");
        t.api().post("/api/CreateEndpointGroup", request("vSliceId", s, "endpointGroupName", "x".repeat(65))).expect("1001");
        long g = group(t, s);
        String gName = groups(t, "").get(0).path("endpointGroupName").asString();
        t.api().post("/api/CreateEndpointGroup", request("vSliceId", s, "endpointGroupName", gName.toLowerCase())).expect("1001")
                .expectDescription("Wrong input parameter - endpointGroupName (" + gName.toLowerCase() + " already exists)");
        t.api().post("/api/RenameEndpointGroup", request("endpointGroupId", g)).expect("1000");
        t.api().post("/api/RenameEndpointGroup", request("endpointGroupId", 99, "endpointGroupName", "n")).expect("1001")
                .expectDescription("Wrong input parameter - endpointGroupId");
        assertEquals(1, groups(t, "").size(), "nothing created");
        assertEquals(gName, groups(t, "").get(0).path("endpointGroupName").asString(), "nothing renamed");

        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        assign(t, ep, g, "10.30.1.1").expect("1001").expectDescription(
                "Wrong input parameter - ipAddress (10.30.1.1 is not a host address of 10.30.0.0/24)");
        assign(t, ep, g, "10.30.0.255").expect("1001");
        assign(t, ep, g, "10.30.0.0").expect("1001");
        assign(t, ep, g, "10.30.0.x").expect("1001").expectDescription("Wrong input parameter - ipAddress");
        assign(t, ep, 99, null).expect("1001").expectDescription("Wrong input parameter - endpointGroupId");
        assign(t, 99, g, null).expect("10958");
        t.api().post("/api/AssignEndpointGroup", map("Request", map("endPointId", Long.toString(ep), "requestParam", map())))
                .expect("1000").expectDescription("Mandatory parameter missing - endpointGroupId");
        t.api().post("/api/AssignEndpointGroup", map("Request", map("requestParam", map("endpointGroupId", g))))
                .expect("1000").expectDescription("Mandatory parameter missing - endPointId");
        assertTrue(basicInfo(t, ep).path("staticIP").isMissingNode(), "nothing assigned");
        unassign(t, ep).expect("10962");
        unassign(t, 99).expect("10958");
        assertEquals(List.of("CreateEndPoint", "LinkSim", "EndPointActivation"),
                calls(t, ep).stream().map(c -> c.split(" ")[0]).toList(), "no event of a refusal");
    }

    @Test
    void anotherAccountsSlicesGroupsAndEndpointsAnswerLikeUnknownOnes() {
        Tenant other = fx.enterprise(1);
        long s = slice(other, "10.40.0.0/24");
        long g = group(other, s);
        long theirs = Fixtures.endpoint(other, other.iccids().get(0), true);
        assign(other, theirs, g, null).expect("10955");
        long mine = Fixtures.endpoint(t, t.iccids().get(0), true);

        t.api().get("/api/GetVSlices?vSliceId=" + s).expect("1359");
        t.api().get("/api/GetEndpointGroups?endpointGroupId=" + g).expect("1359");
        t.api().get("/api/GetEndpointGroups?vSliceId=" + s).expect("1359");
        t.api().post("/api/CreateEndpointGroup", request("vSliceId", s, "endpointGroupName", "x")).expect("1001");
        t.api().post("/api/RenameEndpointGroup", request("endpointGroupId", g, "endpointGroupName", "x")).expect("1001");
        t.api().post("/api/DeleteEndpointGroup", request("endpointGroupId", g)).expect("1001");
        assign(t, mine, g, null).expect("1001").expectDescription("Wrong input parameter - endpointGroupId");
        long myGroup = group(t, slice(t, "10.40.0.0/24")); // the same subnet in another account is another network
        assign(t, theirs, myGroup, null).expect("10958");
        unassign(t, theirs).expect("10958");
        JsonNode listed = t.api().get("/api/GetEndpoints?endpointGroupId=" + g).expect("6742").response();
        assertEquals("0", listed.path("totalNoOfRecords").asString());
        assertEquals(0, listed.path("responseParam").path("endpoints").size());
        assertEquals(404, fx.admin().get("/admin/accounts/99/vslices").status());
        assertEquals("10.40.0.1", basicInfo(other, theirs).path("staticIP").asString(), "theirs untouched");
        assertEquals("1", groups(other, "").get(0).path("endpointCount").asString());
    }

    // --- static addresses

    @Test
    void anAssignedEndpointGetsAnAddressKeepsItAcrossSuspendAndResumeAndReleasesItWhenItLeaves() {
        long s = slice(t, "10.50.0.0/24");
        long g1 = group(t, s), g2 = group(t, s);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);

        JsonNode assigned = assign(t, ep, g1, null).expect("10955").response().path("responseParam");
        assertEquals("10.50.0.1", assigned.path("staticIP").asString());
        assertEquals(Long.toString(s), assigned.path("vSliceId").asString());
        JsonNode info = basicInfo(t, ep);
        assertEquals("10.50.0.1", info.path("staticIP").asString());
        assertEquals(Long.toString(g1), info.path("endpointGroupId").asString());
        assertEquals(Long.toString(s), info.path("vSliceId").asString());
        assertEquals("50", info.path("provisioningStateId").asString());

        // the same again changes nothing; another group of the slice keeps the address
        int events = calls(t, ep).size();
        assign(t, ep, g1, null).expect("10955");
        assertEquals(events, calls(t, ep).size(), "nothing changed, nothing written");
        assign(t, ep, g2, null).expect("10955");
        assertEquals("10.50.0.1", basicInfo(t, ep).path("staticIP").asString());
        assertEquals(Long.toString(g2), basicInfo(t, ep).path("endpointGroupId").asString());

        // suspend and resume keep it
        lifecycle(t, ep, "S");
        assertEquals("10.50.0.1", basicInfo(t, ep).path("staticIP").asString());
        assertEquals("60", basicInfo(t, ep).path("provisioningStateId").asString());
        lifecycle(t, ep, "A");
        assertEquals("10.50.0.1", basicInfo(t, ep).path("staticIP").asString());

        // a chosen address; one in use is refused; the old one is free again
        long ep2 = Fixtures.endpoint(t, t.iccids().get(1), true);
        assign(t, ep2, g1, "10.50.0.1").expect("10961").expectDescription(
                "IP address already in use - 10.50.0.1 in VSlice " + s);
        assign(t, ep, g2, "10.50.0.200").expect("10955");
        assign(t, ep2, g1, "10.50.0.1").expect("10955");
        // the automatic allocation goes on from where it stopped (an address just released is not handed out at once)
        long ep3 = Fixtures.endpoint(t, t.iccids().get(2), true);
        assertEquals("10.50.0.2", assign(t, ep3, g1, null).expect("10955").response().path("responseParam").path("staticIP").asString());

        // into another slice: the address of the first is released, one of the second given
        long s2 = slice(t, "172.16.0.0/28");
        long g3 = group(t, s2);
        assertEquals("172.16.0.1", assign(t, ep, g3, null).expect("10955").response().path("responseParam").path("staticIP").asString());
        assertEquals("1", t.api().get("/api/GetVSlices?vSliceId=" + s2).response().path("responseParam").path("vSlices").get(0)
                .path("usedAddresses").asString());
        assign(t, ep2, g1, "10.50.0.200").expect("10955"); // free again

        // the group's endpoints, in GetEndpoints
        JsonNode page = t.api().get("/api/GetEndpoints?endpointGroupId=" + g1).expect("6742").response();
        assertEquals("2", page.path("totalNoOfRecords").asString());
        JsonNode rows = page.path("responseParam").path("endpoints");
        assertEquals(Long.toString(ep2), rows.get(0).path("id").asString());
        assertEquals("10.50.0.200", rows.get(0).path("staticIP").asString());
        assertEquals(Long.toString(g1), rows.get(0).path("endpointGroupId").asString());
        assertEquals("50", rows.get(0).path("provisioningStateId").asString());
        assertEquals("10", rows.get(0).path("networkStateId").asString());
        assertEquals(Long.toString(ep3), rows.get(1).path("id").asString());
        assertEquals(1, t.api().get("/api/GetEndpoints?endpointGroupId=" + g1 + "&perPage=1&page=2").response()
                .path("responseParam").path("endpoints").size());
        t.api().get("/api/GetEndpoints?endpointGroupId=" + g1 + "&tagId=5").expect("1001");
        t.api().get("/api/GetEndpoints?endpointGroupId=abc").expect("1001").expectDescription("Wrong input parameter - endpointGroupId");

        // out of the group: released, and the group can go once empty
        JsonNode left = unassign(t, ep3).expect("10956").response().path("responseParam");
        assertEquals("10.50.0.2", left.path("releasedIP").asString());
        assertTrue(basicInfo(t, ep3).path("staticIP").isMissingNode());
        t.api().post("/api/DeleteEndpointGroup", request("endpointGroupId", g1)).expect("10959")
                .expectDescription("Endpoint group is not empty - 1 endpoint(s) in group " + g1);

        List<String> history = calls(t, ep);
        assertTrue(history.contains("AssignEndpointGroup endpointGroupId=" + g1 + " vSliceId=" + s + " ipAddress=10.50.0.1"), history.toString());
        assertTrue(history.contains("AssignEndpointGroup endpointGroupId=" + g3 + " vSliceId=" + s2 + " ipAddress=172.16.0.1 (was endpointGroupId="
                + g2 + " ipAddress=10.50.0.200)"), history.toString());
        assertTrue(calls(t, ep3).contains("UnassignEndpointGroup endpointGroupId=" + g1 + " vSliceId=" + s + " released ipAddress=10.50.0.2"));
    }

    @Test
    void aDeletedEndpointLeavesItsGroupAndItsAddressIsFreeAgain() {
        long s = slice(t, "192.168.7.0/30"); // 2 hosts
        long g = group(t, s);
        long ep = Fixtures.endpoint(t, null, false);
        assertEquals("192.168.7.1", assign(t, ep, g, null).expect("10955").response().path("responseParam").path("staticIP").asString());
        t.api().post("/api/DeleteEndPoint", map("Request", map("endPointId", Long.toString(ep)))).expect("10159");
        List<String> history = calls(t, ep);
        assertEquals("DeleteEndPoint endpointGroupId=" + g + " vSliceId=" + s + " released ipAddress=192.168.7.1", history.get(history.size() - 2));
        assertEquals("0", groups(t, "").get(0).path("endpointCount").asString());
        long again = Fixtures.endpoint(t, null, false);
        assign(t, again, g, "192.168.7.1").expect("10955");
        t.api().post("/api/DeleteEndpointGroup", request("endpointGroupId", g)).expect("10959");
    }

    @Test
    void twoEndpointsNeverHoldOneAddressOfASliceTheDatabaseRefusesIt() {
        long s = slice(t, "10.60.0.0/24");
        long g = group(t, s);
        long a = Fixtures.endpoint(t, null, false), b = Fixtures.endpoint(t, null, false);
        assign(t, a, g, "10.60.0.9").expect("10955");
        // a writer that skipped every check still cannot give the address twice
        assertThrows(DuplicateKeyException.class, () -> jdbc.sql("""
                INSERT INTO endpoint_group_member (account_id, endpoint_id, group_id, vslice_id, ip_address, assigned_at)
                VALUES (:acc, :e, :g, :s, '10.60.0.9', now())""")
                .param("acc", t.accountId()).param("e", b).param("g", g).param("s", s).update());
    }

    /** 50 assignments at once into a /27 (30 hosts): 30 get distinct addresses, 20 the refusal, nothing else. */
    @Test
    void fiftyConcurrentAssignmentsIntoASmallSubnet() throws Exception {
        Tenant big = fx.enterprise(0);
        long s = slice(big, "10.70.0.32/27");
        long g = group(big, s);
        List<Long> endpoints = new ArrayList<>();
        for (int i = 0; i < 50; i++) endpoints.add(Fixtures.endpoint(big, null, false));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Resp>> answers = new ArrayList<>();
            for (long ep : endpoints) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return assign(big, ep, g, null);
                }));
            }
            start.countDown();
            Set<String> addresses = new HashSet<>();
            int refused = 0;
            for (Future<Resp> f : answers) {
                Resp r = f.get();
                if (r.code().equals("10955")) {
                    String ip = r.response().path("responseParam").path("staticIP").asString();
                    assertTrue(addresses.add(ip), "address given twice: " + ip);
                    long host = Subnet.address(ip, "ip");
                    assertTrue(host > Subnet.address("10.70.0.32", "ip") && host < Subnet.address("10.70.0.63", "ip"), ip);
                } else {
                    r.expect("10960").expectDescription("No free IP address in VSlice - VSlice " + s + " 10.70.0.32/27 (30 addresses, all in use)");
                    refused++;
                }
            }
            assertEquals(30, addresses.size());
            assertEquals(20, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30L, jdbc.sql("SELECT count(DISTINCT ip_address) FROM endpoint_group_member WHERE account_id = :a AND vslice_id = :s")
                .param("a", big.accountId()).param("s", s).query(Long.class).single());
        JsonNode slice = big.api().get("/api/GetVSlices").response().path("responseParam").path("vSlices").get(0);
        assertEquals("30", slice.path("usedAddresses").asString());
        assertEquals("0", slice.path("freeAddresses").asString());
        // one released, one more fits
        long last = endpoints.stream().filter(ep -> basicInfo(big, ep).path("staticIP").isMissingNode()).findFirst().orElseThrow();
        long holder = endpoints.stream().filter(ep -> !basicInfo(big, ep).path("staticIP").isMissingNode()).findFirst().orElseThrow();
        String freed = unassign(big, holder).expect("10956").response().path("responseParam").path("releasedIP").asString();
        assertEquals(freed, assign(big, last, g, null).expect("10955").response().path("responseParam").path("staticIP").asString());
    }

    // --- numbered states and the account's opt-in

    @Test
    void theNumberedStatesFollowOursAndTheNetworksReports() {
        long pending = Fixtures.endpoint(t, null, false);
        long active = Fixtures.endpoint(t, t.iccids().get(0), true);
        JsonNode p = basicInfo(t, pending);
        assertEquals("30", p.path("provisioningStateId").asString());
        assertEquals("pending", p.path("provisioningState").asString());
        assertEquals("10", p.path("networkStateId").asString());
        assertEquals("unknown", p.path("networkState").asString());
        assertEquals("50", basicInfo(t, active).path("provisioningStateId").asString());
        assertEquals("10", basicInfo(t, active).path("networkStateId").asString(), "never reported");
        String imsi = Fixtures.imsi(t.iccids().get(0));
        Instant now = Instant.now();
        platform.registration(imsi, new NetworkReport(true, "BELTB", "20601", "Proximus", "Belgium", "4G", null, "DEFAULT", now));
        assertEquals("30", basicInfo(t, active).path("networkStateId").asString());
        assertEquals("idle", basicInfo(t, active).path("networkState").asString());
        platform.dataSessionStarted(imsi, now.plusSeconds(1));
        JsonNode a = basicInfo(t, active);
        assertEquals("40", a.path("networkStateId").asString());
        assertEquals("active", a.path("networkState").asString());
        JsonNode rows = t.api().get("/api/GetEndpoints").response().path("responseParam").path("endpoints");
        assertEquals("30", rows.get(0).path("provisioningStateId").asString());
        assertEquals("10", rows.get(0).path("networkStateId").asString());
        assertEquals("50", rows.get(1).path("provisioningStateId").asString());
        assertEquals("40", rows.get(1).path("networkStateId").asString());
        assertFalse(rows.get(0).has("staticIP"));
        platform.dataSessionEnded(imsi, now.plusSeconds(2));
        assertEquals("30", basicInfo(t, active).path("networkStateId").asString());
        platform.registration(imsi, new NetworkReport(false, null, null, null, null, null, null, null, now.plusSeconds(3)));
        assertEquals("20", basicInfo(t, active).path("networkStateId").asString());
        assertEquals("detached", basicInfo(t, active).path("networkState").asString());
        lifecycle(t, active, "S");
        assertEquals("60", basicInfo(t, active).path("provisioningStateId").asString());
    }

    @Test
    void anAccountThatRequiresGroupsKeepsAnEndpointPendingAndUnservedUntilItIsInOne() {
        Tenant strict = fx.enterprise(2);
        long s = slice(strict, "10.80.0.0/24");
        long g = group(strict, s);
        Resp flags = fx.admin().patch("/admin/accounts/" + strict.accountId(), map("endpointGroupRequired", true));
        assertTrue(flags.json().path("endpointGroupRequired").asBoolean(), flags.raw());
        assertEquals("true", strict.api().get("/api/GetCustomerProfile").response().path("responseParam").path("endpointGroupRequired").asString());

        String iccid = strict.iccids().get(0);
        String imsi = Fixtures.imsi(iccid);
        long ep = Fixtures.endpoint(strict, iccid, true);
        assertEquals("A", basicInfo(strict, ep).path("currentStatus").asString(), "the SFT state is unchanged");
        assertEquals("30", basicInfo(strict, ep).path("provisioningStateId").asString());
        // the network is told not to serve it: what would activate it suspends it
        await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(imsi).size() == 2);
        assertEquals(List.of(NetworkCommand.Provision.class, NetworkCommand.Suspend.class),
                network.commandsFor(imsi).stream().map(Object::getClass).toList());

        assign(strict, ep, g, null).expect("10955");
        assertEquals("50", basicInfo(strict, ep).path("provisioningStateId").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(imsi).size() == 3);
        assertEquals(NetworkCommand.Activate.class, network.commandsFor(imsi).get(2).getClass());

        unassign(strict, ep).expect("10956");
        assertEquals("30", basicInfo(strict, ep).path("provisioningStateId").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(imsi).size() == 4);
        assertEquals(NetworkCommand.Suspend.class, network.commandsFor(imsi).get(3).getClass());

        // an account that did not opt in keeps today's behaviour: active without a group, group changes send nothing
        String otherImsi = Fixtures.imsi(t.iccids().get(0));
        long plain = Fixtures.endpoint(t, t.iccids().get(0), true);
        assertEquals("50", basicInfo(t, plain).path("provisioningStateId").asString());
        assign(t, plain, group(t, slice(t, "10.80.0.0/24")), null).expect("10955");
        unassign(t, plain).expect("10956");
        Fixtures.endpoint(t, t.iccids().get(1), true); // a later change of the account, relayed after those before
        await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(Fixtures.imsi(t.iccids().get(1))).size() == 2);
        assertEquals(List.of(NetworkCommand.Provision.class, NetworkCommand.Activate.class),
                network.commandsFor(otherImsi).stream().map(Object::getClass).toList());

        assertEquals(200, fx.admin().patch("/admin/accounts/" + strict.accountId(), map("endpointGroupRequired", false)).status());
    }

    // --- bulk

    @Test
    void bulkAssignmentIsAJobWithAResultPerEndpoint() {
        long s = slice(t, "10.90.0.0/29"); // 6 hosts
        long g = group(t, s);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) ids.add(Long.toString(Fixtures.endpoint(t, null, false)));
        List<String> values = new ArrayList<>(ids);
        values.add("99");
        Resp accepted = t.api().post("/api/BulkAssignEndpointGroup", map("Request", map("resourceType", "endPointId", "valuelist", values,
                "requestParam", map("endpointGroupId", Long.toString(g)))));
        accepted.expect("10957");
        String job = accepted.response().path("JobId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> !"Processing".equals(
                t.api().get("/api/getJobStatus?jobId=" + job).response().path("responseParam").path("status").asString()));
        JsonNode status = t.api().get("/api/getJobStatus?jobId=" + job).expect("10909").response().path("responseParam");
        assertEquals("BulkEndpointGroupAssignment", status.path("jobType").asString());
        assertEquals("Partial", status.path("status").asString());
        assertEquals("6", status.path("successCount").asString());
        assertEquals("2", status.path("failureCount").asString());
        JsonNode items = status.path("items");
        // the workers take items side by side: which of the seven finds the slice full is not fixed
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 7; i++) codes.add(items.get(i).path("resultCode").asString());
        assertEquals(6, codes.stream().filter("10955"::equals).count(), items.toString());
        assertEquals(1, codes.stream().filter("10960"::equals).count(), items.toString());
        assertEquals("10958", items.get(7).path("resultCode").asString());
        assertEquals("6", groups(t, "").get(0).path("endpointCount").asString());
        // by ICCID too
        long linked = Fixtures.endpoint(t, t.iccids().get(0), false);
        long g2 = group(t, slice(t, "10.91.0.0/24"));
        String job2 = t.api().post("/api/BulkAssignEndpointGroup", map("Request", map("resourceType", "iccid",
                "valuelist", List.of(t.iccids().get(0)), "requestParam", map("endpointGroupId", g2)))).expect("10957")
                .response().path("JobId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> "Success".equals(
                t.api().get("/api/getJobStatus?jobId=" + job2).response().path("responseParam").path("status").asString()));
        assertEquals("10.91.0.1", basicInfo(t, linked).path("staticIP").asString());
    }

    @Test
    void bulkAssignmentRefusesBadInputAtOnce() {
        long g = group(t, slice(t, "10.92.0.0/24"));
        Tenant stranger = fx.enterprise(0);
        String other = Long.toString(group(stranger, slice(stranger, "10.93.0.0/24")));
        Map<String, Object> ok = map("endpointGroupId", Long.toString(g));
        bulk(map("valuelist", List.of("1"), "requestParam", ok)).expect("1000").expectDescription("Mandatory parameter missing - resourceType");
        bulk(map("resourceType", "name", "valuelist", List.of("1"), "requestParam", ok)).expect("1001").expectDescription("Wrong input parameter - resourceType");
        bulk(map("resourceType", "endPointId", "requestParam", ok)).expect("1000").expectDescription("Mandatory parameter missing - valuelist");
        bulk(map("resourceType", "endPointId", "valuelist", List.of("1", "01"), "requestParam", ok)).expect("1001")
                .expectDescription("Wrong input parameter - valuelist (01 given twice)");
        bulk(map("resourceType", "endPointId", "valuelist", List.of("x"), "requestParam", ok)).expect("1001");
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 4001; i++) many.add(Integer.toString(i));
        bulk(map("resourceType", "endPointId", "valuelist", many, "requestParam", ok)).expect("10073");
        bulk(map("resourceType", "endPointId", "valuelist", List.of("1"))).expect("1000").expectDescription("Mandatory parameter missing - requestParam");
        bulk(map("resourceType", "endPointId", "valuelist", List.of("1"), "requestParam", map())).expect("1000")
                .expectDescription("Mandatory parameter missing - endpointGroupId");
        bulk(map("resourceType", "endPointId", "valuelist", List.of("1"), "requestParam", map("endpointGroupId", other))).expect("1001")
                .expectDescription("Wrong input parameter - endpointGroupId");
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM job WHERE account_id = :a").param("a", t.accountId()).query(Long.class).single(),
                "no job");
    }

    private Resp bulk(Map<String, Object> request) {
        return t.api().post("/api/BulkAssignEndpointGroup", map("Request", request));
    }

    private void lifecycle(Tenant tenant, long ep, String to) {
        tenant.api().post("/api/EndPointLifeCycleChange", map("Request", map("endPointId", Long.toString(ep),
                "requestParam", map("lifeCycle", to, "reason", "1")))).expect("5017");
    }
}
