package io.simfleet.endpoint;

import static io.simfleet.endpoint.LifecycleSupport.*;
import static io.simfleet.testkit.Api.map;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.network.NetworkCommand;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.FakeNetwork;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** SwapSim (our addition, docs/lifecycle.md "SIM swap"): the SIM replaced, the endpoint unmoved, every code, a race. */
class SimSwapTest extends ApiTestBase {
    @Autowired
    FakeNetwork network;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures fx;
    Tenant t;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        t = fx.enterprise(8);
    }

    static Resp swap(Tenant t, long ep, String iccid) {
        return t.api().post("/api/SwapSim", request(ep, "iccid", iccid));
    }

    @Test
    void anActiveEndpointKeepsItsStateAndEverythingElse() {
        String old = t.iccids().get(0), fresh = t.iccids().get(1);
        long ep = Fixtures.endpoint(t, old, true);
        String tag = t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "swap-" + ep)))))
                .expect("10149").response().path("tagId").asString();
        modify(t, ep, "addtagIds", List.of(tag)).expect("10068");
        JsonNode before = profile(t, ep);

        Resp r = swap(t, ep, fresh).expect("10966").expectDescription("SIM swap success");
        JsonNode p = r.response().path("responseParam");
        assertEquals(Long.toString(ep), p.path("endPointId").asString(), r.raw());
        assertEquals(fresh, p.path("iccid").asString());
        assertEquals(old, p.path("previousIccid").asString());

        JsonNode after = profile(t, ep);
        assertEquals("A", after.path("basicInfo").path("currentStatus").asString());
        assertEquals(fresh, after.path("basicInfo").path("iccid").asString(), after.toString());
        assertEquals(before.path("basicInfo").path("planId"), after.path("basicInfo").path("planId"), "the plan stays");
        assertEquals(before.path("basicInfo").path("creationDate"), after.path("basicInfo").path("creationDate"));
        assertEquals(before.path("basicInfo").path("msisdn").asString().isEmpty(), false);
        assertEquals(sim(t, fresh).path("msisdn").asString(), after.path("basicInfo").path("msisdn").asString(), "the new SIM's number");
        assertEquals(before.path("tagIdList"), after.path("tagIdList"), "the tags stay");
        assertEquals(1, after.path("tagIdList").size());
        assertEquals("Active", sim(t, fresh).path("simStatus").asString());
        assertEquals(Long.toString(ep), sim(t, fresh).path("endPointId").asString());
        assertEquals("Ready To Activate", sim(t, old).path("simStatus").asString());
        assertEquals("-", sim(t, old).path("endPointId").asString());

        // one event, with the two SIMs
        JsonNode events = t.api().get("/api/GetEndpointEvents?endPointId=" + ep).response().path("responseParam").path("events");
        JsonNode last = events.get(events.size() - 1);
        assertEquals("SwapSim", last.path("call").asString(), events.toString());
        assertEquals("iccid " + old + " -> " + fresh, last.path("detail").asString());
        assertEquals(1, events.findValuesAsString("call").stream().filter("SwapSim"::equals).count());

        // the network told once: the old SIM detached, the new one provisioned and activated
        String oldImsi = Fixtures.imsi(old), newImsi = Fixtures.imsi(fresh);
        await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(newImsi).size() == 2
                && network.commandsFor(oldImsi).stream().anyMatch(c -> c instanceof NetworkCommand.Detach));
        assertEquals(List.of(NetworkCommand.Provision.class, NetworkCommand.Activate.class),
                network.commandsFor(newImsi).stream().map(Object::getClass).toList());
        assertEquals(NetworkCommand.Detach.class, last(network.commandsFor(oldImsi)).getClass());

        // the replaced SIM is free again: another endpoint can take it
        long other = Fixtures.endpoint(t, null, false);
        link(t, other, old).expect("6409");
    }

    @Test
    void aSuspendedEndpointGetsASuspendedSim() {
        String old = t.iccids().get(0), fresh = t.iccids().get(1);
        long ep = Fixtures.endpoint(t, old, true);
        lifecycle(t, ep, "S").expect("5017");
        swap(t, ep, fresh).expect("10966");
        assertEquals("S", status(t, ep));
        assertEquals("Suspended", sim(t, fresh).path("simStatus").asString());
        assertEquals("Ready To Activate", sim(t, old).path("simStatus").asString());
        String newImsi = Fixtures.imsi(fresh);
        await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(newImsi).size() == 2);
        assertEquals(List.of(NetworkCommand.Provision.class, NetworkCommand.Suspend.class),
                network.commandsFor(newImsi).stream().map(Object::getClass).toList());
        // resumed, the new SIM follows
        lifecycle(t, ep, "A").expect("5017");
        assertEquals("Active", sim(t, fresh).path("simStatus").asString());
    }

    @Test
    void aPreActiveEndpointWithItsSim() {
        String old = t.iccids().get(0), fresh = t.iccids().get(1);
        long ep = Fixtures.endpoint(t, old, false);
        assertEquals("PA", status(t, ep));
        swap(t, ep, fresh).expect("10966");
        assertEquals("PA", status(t, ep));
        assertEquals("Pre-Active", sim(t, fresh).path("simStatus").asString());
        activate(t, ep).expect("5014");
        assertEquals("Active", sim(t, fresh).path("simStatus").asString());
        assertEquals("Ready To Activate", sim(t, old).path("simStatus").asString());
    }

    @Test
    void everyRefusalChangesNothing() {
        String held = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, held, true);
        long withoutSim = Fixtures.endpoint(t, null, false);
        long preActive = Fixtures.endpoint(t, t.iccids().get(1), false);
        long active = Fixtures.endpoint(t, t.iccids().get(2), true);
        long suspended = Fixtures.endpoint(t, t.iccids().get(3), true);
        lifecycle(t, suspended, "S").expect("5017");
        String free = t.iccids().get(4);

        swap(t, withoutSim, free).expect("6420");
        delink(t, active).expect("6413");
        swap(t, active, free).expect("6420"); // Hold: no SIM to replace
        link(t, active, t.iccids().get(2)).expect("6409");
        activate(t, active).expect("5014");

        swap(t, ep, t.iccids().get(1)).expect("10109"); // Pre-Active on another endpoint
        swap(t, ep, t.iccids().get(2)).expect("2507");
        swap(t, ep, t.iccids().get(3)).expect("10108");
        swap(t, ep, held).expect("10967").expectDescription("SIM swap failure - the endpoint holds ICCID " + held + " already");
        swap(t, ep, "8932042999999999999").expect("10967"); // unknown
        swap(t, ep, "8932042000000018190").expect("10967"); // another account's SIM
        swap(t, 999, free).expect("10967");
        Tenant other = fx.enterprise(1);
        swap(other, ep, other.iccids().get(0)).expect("10967"); // another tenant's endpoint
        swap(t, ep, "12345").expect("1001").expectDescription("Wrong input parameter - iccid");
        t.api().post("/api/SwapSim", request(ep)).expect("1000").expectDescription("Mandatory parameter missing - iccid");
        t.api().post("/api/SwapSim", map("Request", map("requestParam", map("iccid", free)))).expect("1000")
                .expectDescription("Mandatory parameter missing - endPointId");
        delete(t, withoutSim).expect("10159");
        swap(t, withoutSim, free).expect("10967"); // deleted

        assertEquals("Active", sim(t, held).path("simStatus").asString());
        assertEquals(Long.toString(ep), sim(t, held).path("endPointId").asString());
        assertEquals("Ready To Activate", sim(t, free).path("simStatus").asString());
        assertEquals("Ready To Activate", other.api().get("/api/fetchSIM?iccid=" + other.iccids().get(0)).expect("10021").response()
                .path("responseParam").path("rows").get(0).path("simStatus").asString());
        assertEquals("A", status(t, ep));
        assertEquals(0L, t.api().get("/api/GetEndpointEvents?endPointId=" + ep).response().path("responseParam").path("events")
                .findValuesAsString("call").stream().filter("SwapSim"::equals).count());
        // the summary's spelling, as LinkSim's
        t.api().post("/api/SwapSim", map("endpointInfo", map("endpointId", Long.toString(ep), "iccid", free))).expect("10966");
    }

    @Test
    void aQueuedDelinkRefusesTheSwap() {
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, true);
        String imsi = Fixtures.imsi(iccid);
        network.openSession(imsi);
        try {
            delink(t, ep).expect("7021");
            swap(t, ep, t.iccids().get(1)).expect("10967").expectDescription("SIM swap failure - a de-link of the endpoint's SIM is queued");
            assertEquals("Ready To Activate", sim(t, t.iccids().get(1)).path("simStatus").asString());
        } finally {
            network.closeSession(imsi);
        }
    }

    @Test
    void twoEndpointsRacingForOneSimGetItOnce() throws Exception {
        int n = 6;
        List<Long> eps = new ArrayList<>();
        for (int i = 0; i < n; i++) eps.add(Fixtures.endpoint(t, t.iccids().get(i), true));
        String contested = t.iccids().get(7);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Resp>> answers = new ArrayList<>();
            for (long ep : eps) {
                Callable<Resp> call = () -> {
                    start.await();
                    return swap(t, ep, contested);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<Resp> f : answers) codes.add(f.get().code());
            assertEquals(1, codes.stream().filter("10966"::equals).count(), codes.toString());
            assertEquals(n - 1, codes.stream().filter("2507"::equals).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        // the invariants of the lifecycle: every linked SIM in its endpoint's state, one SIM per served endpoint
        assertEquals(0L, jdbc.queryForObject("""
                SELECT count(*) FROM sim s JOIN endpoint e ON e.account_id = s.account_id AND e.id = s.endpoint_id
                WHERE s.account_id = ? AND (e.status IN ('HOLD', 'DELETED') OR s.status <> e.status)""", Long.class, t.accountId()));
        assertEquals(0L, jdbc.queryForObject("""
                SELECT count(*) FROM endpoint e WHERE e.account_id = ? AND e.status = 'ACTIVE'
                AND (SELECT count(*) FROM sim s WHERE s.account_id = e.account_id AND s.endpoint_id = e.id) <> 1""", Long.class, t.accountId()));
        assertEquals(1L, jdbc.queryForObject("SELECT count(*) FROM sim WHERE account_id = ? AND status = 'READY_TO_ACTIVATE' AND iccid = ANY(?)",
                Long.class, t.accountId(), t.iccids().subList(0, n).toArray(new String[0])), "exactly one replaced SIM is free");
    }

    private static <T> T last(List<T> l) {
        assertTrue(!l.isEmpty());
        return l.get(l.size() - 1);
    }
}
