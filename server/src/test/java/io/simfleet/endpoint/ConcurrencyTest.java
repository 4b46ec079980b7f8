package io.simfleet.endpoint;

import static io.simfleet.endpoint.LifecycleSupport.*;
import static io.simfleet.testkit.Fixtures.createBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Concurrent requests never corrupt state: checked by the answers and by the database invariants. */
class ConcurrencyTest extends ApiTestBase {
    static final int N = 20;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.simfleet.ops.StateCountCompaction compaction;

    Fixtures fx;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        pool = Executors.newFixedThreadPool(N);
    }

    @AfterEach
    void invariants() {
        pool.shutdownNow();
        assertEquals(0, count("""
                SELECT count(*) FROM sim s JOIN endpoint e ON e.id = s.endpoint_id
                WHERE e.status IN ('HOLD', 'DELETED') OR s.status <> e.status"""), "every linked SIM is in its endpoint's state");
        assertEquals(0, count("SELECT count(*) FROM sim WHERE status = 'READY_TO_ACTIVATE' AND endpoint_id IS NOT NULL"),
                "no Ready To Activate SIM is linked");
        assertEquals(0, count("""
                SELECT count(*) FROM endpoint e WHERE e.status IN ('ACTIVE', 'SUSPENDED', 'ACTIVE_TEST', 'ACTIVE_INVENTORY')
                AND NOT EXISTS (SELECT 1 FROM sim s WHERE s.endpoint_id = e.id)"""), "no endpoint in A/S/AT/AI is without a SIM");
        stateCountsAreTheRows();
        compaction.compact();
        stateCountsAreTheRows();
    }

    /** V24's kept counts per state are what the rows say, for every account. */
    private void stateCountsAreTheRows() {
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT account_id, status, sum(n) AS n FROM endpoint_state_count GROUP BY 1, 2 HAVING sum(n) <> 0) k
                FULL JOIN (SELECT account_id, status, count(*) AS n FROM endpoint WHERE deleted_at IS NULL GROUP BY 1, 2) r
                USING (account_id, status) WHERE k.n IS DISTINCT FROM r.n"""), "the endpoints counted per state");
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT account_id, status, sum(n) AS n FROM sim_state_count GROUP BY 1, 2 HAVING sum(n) <> 0) k
                FULL JOIN (SELECT account_id, status, count(*) AS n FROM sim GROUP BY 1, 2) r
                USING (account_id, status) WHERE k.n IS DISTINCT FROM r.n"""), "the SIMs counted per state");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Runs {@code n} calls at once (released together) and answers the result codes. */
    private List<String> race(int n, IntFunction<Resp> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Resp>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Callable<Resp> task = () -> {
                start.await();
                return call.apply(k);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<String> codes = new ArrayList<>();
        for (Future<Resp> f : futures) {
            Resp r = f.get();
            assertEquals(200, r.status(), r.raw());
            codes.add(r.code());
        }
        return codes;
    }

    private static Map<String, Long> tally(List<String> codes) {
        return codes.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    }

    @Test
    void oneIccidLinkedTo20EndpointsAtOnce() throws Exception {
        Tenant t = fx.enterprise(1);
        List<Long> endpoints = new ArrayList<>();
        for (int i = 0; i < N; i++) endpoints.add(Fixtures.endpoint(t, null, false));
        String iccid = t.iccids().get(0);
        List<String> codes = race(N, i -> link(t, endpoints.get(i), iccid));
        assertEquals(Map.of("6409", 1L, "10109", (long) N - 1), tally(codes), codes.toString());
        int winner = codes.indexOf("6409");
        JsonNode sim = sim(t, iccid);
        assertEquals(Long.toString(endpoints.get(winner)), sim.path("endPointId").asString());
        assertEquals("Pre-Active", sim.path("simStatus").asString());
        assertEquals(1, count("SELECT count(*) FROM sim WHERE iccid = '" + iccid + "' AND endpoint_id IS NOT NULL"));
    }

    @Test
    void twentyIccidsLinkedToOneEndpointAtOnce() throws Exception {
        Tenant t = fx.enterprise(N);
        long ep = Fixtures.endpoint(t, null, false);
        List<String> codes = race(N, i -> link(t, ep, t.iccids().get(i)));
        assertEquals(Map.of("6409", 1L, "5016", (long) N - 1), tally(codes), codes.toString());
        assertEquals(N - 1, Integer.parseInt(t.api().get("/api/fetchSIM?simStatusId=5").response().path("totalNoOfRecords").asString()));
    }

    @Test
    void oneIccidInTwentyCreatesAtOnce() throws Exception {
        Tenant t = fx.enterprise(1);
        List<String> codes = race(N, i -> t.api().post("/api/CreateEndPoint", createBody(t, t.iccids().get(0), true)));
        assertEquals(Map.of("5014", 1L, "10140", (long) N - 1), tally(codes), codes.toString());
        assertEquals("1", t.api().get("/api/GetEndpoints").response().path("totalNoOfRecords").asString(), "no endpoint left behind");
    }

    @Test
    void concurrentLifecycleChangesNeverLoseAnUpdate() throws Exception {
        Tenant t = fx.enterprise(1);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        List<String> codes = race(N, i -> lifecycle(t, ep, i % 2 == 0 ? "S" : "A"));
        for (String c : codes) assertTrue(c.equals("5017") || c.equals("1254"), codes.toString());
        long successes = codes.stream().filter("5017"::equals).count();
        JsonNode events = t.api().get("/api/GetEndpointEvents?endPointId=" + ep).response().path("responseParam").path("events");
        long changes = 0;
        String state = "A";
        for (JsonNode e : events) {
            if (!e.path("call").asString().equals("EndPointLifeCycleChange")) continue;
            changes++;
            assertEquals(state, e.path("fromStatus").asString(), "each change starts where the previous one ended");
            state = e.path("toStatus").asString();
        }
        assertEquals(successes, changes, "one event per accepted change");
        assertEquals(state, status(t, ep));
        assertEquals(state.equals("A") ? "Active" : "Suspended", sim(t, t.iccids().get(0)).path("simStatus").asString());
    }

    @Test
    void mixedOperationsOnFewEndpoints() throws Exception {
        Tenant t = fx.enterprise(6);
        List<Long> eps = new ArrayList<>();
        for (int i = 0; i < 3; i++) eps.add(Fixtures.endpoint(t, t.iccids().get(i), true));
        race(3 * N, i -> {
            long ep = eps.get(i % 3);
            return switch ((i / 3) % 5) {
                case 0 -> delink(t, ep);
                case 1 -> lifecycle(t, ep, "S");
                case 2 -> link(t, ep, t.iccids().get(3 + i % 3));
                case 3 -> activate(t, ep);
                default -> lifecycle(t, ep, "A");
            };
        });
        // the invariants are checked after the test
    }
}
