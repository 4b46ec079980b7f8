package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import io.simfleet.idempotency.IdempotencyStore;
import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code Idempotency-Key} on every write (docs/idempotency.md): a retry answers the stored answer
 * and does nothing again; the key with another request is refused and writes nothing; concurrent
 * requests with one key execute once; keys expire and are per account; without a key nothing changes.
 */
class IdempotencyTest extends ApiTestBase {
    static final String KEY = "Idempotency-Key";
    static final String MISMATCH = "Wrong input parameter - Idempotency-Key (already used for another request)";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotencyStore store;

    Fixtures fx;
    Tenant t;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        t = fx.enterprise(6);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Rows every SFT write of an account leaves: endpoints, their events, jobs. */
    private long writes(Tenant tenant) {
        return count("SELECT (SELECT count(*) FROM endpoint WHERE account_id = ?) + (SELECT count(*) FROM endpoint_event WHERE account_id = ?)"
                + " + (SELECT count(*) FROM job WHERE account_id = ?)", tenant.accountId(), tenant.accountId(), tenant.accountId());
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /**
     * Sends {@code body} twice with one key and checks the second answer is the first, byte for
     * byte (its responseId too), marked replayed, with no further work; then {@code other} with
     * the key, which is refused and writes nothing. Answers the first answer.
     */
    private Resp retryAndMisuse(Api api, String method, String path, Object body, Object other, LongSupplier work) {
        String key = Fixtures.uniqueName("key-");
        Resp first = api.send(method, path, body, KEY, key);
        assertNull(first.header("Idempotent-Replayed"));
        long after = work.getAsLong();
        Resp again = api.send(method, path, body, KEY, key);
        assertEquals(first.status(), again.status());
        assertEquals(first.raw(), again.raw(), "a replay is the same answer");
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(after, work.getAsLong(), "a replay does no work");
        Resp misuse = api.send(method, path, other, KEY, key);
        if (path.startsWith("/admin")) {
            assertEquals(422, misuse.status(), misuse.raw());
            assertEquals("1001", misuse.json().path("resultCode").asString());
            assertEquals(MISMATCH, misuse.json().path("resultDescription").asString());
        } else {
            misuse.expect("1001").expectDescription(MISMATCH);
        }
        assertEquals(after, work.getAsLong(), "a refused key writes nothing");
        return first;
    }

    @Test
    void createEndPoint() {
        Resp first = retryAndMisuse(t.api(), "POST", "/api/CreateEndPoint", Fixtures.createBody(t, t.iccids().get(0), true),
                Fixtures.createBody(t, t.iccids().get(1), true), () -> writes(t));
        first.expect("5014");
        assertEquals(1, count("SELECT count(*) FROM endpoint WHERE account_id = ?", t.accountId()));
        // the same request spelled differently (formatting, the path's letter case) is the same request
        String key = "spelling";
        Resp created = t.api().send("POST", "/api/CreateEndPoint", Fixtures.createBody(t, null, false), KEY, key).expect("6411");
        String spaced = Api.JSON.writeValueAsString(Fixtures.createBody(t, null, false)).replace(":", " : ").replace(",", ",\n ");
        Resp again = t.api().send("POST", "/api/createendpoint", spaced, KEY, key);
        assertEquals(created.raw(), again.raw());
        // another call with the key is another request
        t.api().send("POST", "/api/LinkSim", map("Request", map("endPointId", created.response().path("endPointId").asString(),
                "requestParam", map("iccid", t.iccids().get(2)))), KEY, key).expect("1001").expectDescription(MISMATCH);
        assertEquals(2, count("SELECT count(*) FROM endpoint WHERE account_id = ?", t.accountId()));
    }

    @Test
    void linkSim() {
        long ep = Fixtures.endpoint(t, null, false);
        retryAndMisuse(t.api(), "POST", "/api/LinkSim", map("Request", map("endPointId", Long.toString(ep), "requestParam",
                map("iccid", t.iccids().get(0)))), map("Request", map("endPointId", Long.toString(ep), "requestParam",
                map("iccid", t.iccids().get(1)))), () -> writes(t)).expect("6409");
        assertEquals(1, count("SELECT count(*) FROM sim WHERE endpoint_id = ?", ep));
    }

    @Test
    void lifecycleCall() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), false);
        Resp first = retryAndMisuse(t.api(), "POST", "/api/EndPointActivation", map("Request", map("endPointId", Long.toString(ep))),
                map("Request", map("endPointId", Long.toString(ep), "reason", "other")), () -> writes(t));
        assertEquals("0", first.result(), first.raw());
        // without the key, the same call is done again (and refused: the endpoint is active already)
        assertEquals("1", t.api().post("/api/EndPointActivation", map("Request", map("endPointId", Long.toString(ep)))).result());
    }

    @Test
    void modify() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        retryAndMisuse(t.api(), "PATCH", "/api/endpoint", map("Request", map("endPointId", Long.toString(ep), "requestParam",
                map("endPointName", "Renamed once"))), map("Request", map("endPointId", Long.toString(ep), "requestParam",
                map("endPointName", "Renamed twice"))), () -> writes(t)).expect("10068");
        assertEquals("Renamed once", jdbc.queryForObject("SELECT name FROM endpoint WHERE id = ?", String.class, ep));
    }

    @Test
    void bulkCall() {
        Resp first = retryAndMisuse(t.api(), "POST", "/api/bulkProvisioning",
                Fixtures.bulkBody(t, "startICCID", t.iccids().get(0), "quantity", "2"),
                Fixtures.bulkBody(t, "startICCID", t.iccids().get(2), "quantity", "2"),
                () -> count("SELECT count(*) FROM job WHERE account_id = ?", t.accountId()));
        first.expect("10054");
        assertEquals(1, count("SELECT count(*) FROM job WHERE account_id = ?", t.accountId()));
    }

    @Test
    void operatorWrite() {
        String user = Fixtures.uniqueName("idem");
        Map<String, Object> body = map("parentAccountId", Fixtures.RESELLER, "name", "Idem " + user, "username", user, "password", "secret");
        Map<String, Object> other = map("parentAccountId", Fixtures.RESELLER, "name", "Other " + user, "username", user, "password", "secret");
        Resp first = retryAndMisuse(fx.admin(), "POST", "/admin/enterprises", body, other,
                () -> count("SELECT count(*) FROM account WHERE name IN (?, ?)", "Idem " + user, "Other " + user));
        assertEquals(201, first.status(), first.raw());
        assertEquals(1, count("SELECT count(*) FROM account WHERE name = ?", "Idem " + user));
    }

    @Test
    void malformedKeysAreRefusedNamingTheHeader() {
        long before = writes(t);
        for (String bad : new String[] {"k".repeat(201), "a\tb"}) {
            t.api().send("POST", "/api/CreateEndPoint", Fixtures.createBody(t, null, false), KEY, bad)
                    .expect("1001").expectDescription("Wrong input parameter - Idempotency-Key");
            Resp admin = fx.admin().send("POST", "/admin/enterprises", map("parentAccountId", Fixtures.RESELLER, "name", "Never"), KEY, bad);
            assertEquals(400, admin.status(), admin.raw());
            assertEquals("Wrong input parameter - Idempotency-Key", admin.json().path("resultDescription").asString());
        }
        assertEquals(before, writes(t));
        assertEquals(0, count("SELECT count(*) FROM account WHERE name = 'Never'"));
        // 200 characters are accepted
        t.api().send("POST", "/api/CreateEndPoint", Fixtures.createBody(t, null, false), KEY, "k".repeat(200)).expect("6411");
    }

    @Test
    void concurrentRequestsWithOneKeyExecuteOnce() throws Exception {
        Map<String, Object> body = Fixtures.createBody(t, t.iccids().get(0), true);
        List<Resp> answers = concurrently(8, () -> t.api().send("POST", "/api/CreateEndPoint", body, KEY, "race"));
        assertEquals(1, count("SELECT count(*) FROM endpoint WHERE account_id = ?", t.accountId()));
        Resp done = answers.stream().filter(r -> r.status() == 200 && r.header("Idempotent-Replayed") == null).findFirst().orElseThrow();
        done.expect("5014");
        long replays = 0;
        for (Resp r : answers) {
            if (r.status() == 409) { // the documented refusal when the first request outlasts the wait
                assertEquals("1001", r.code());
                assertEquals("1", r.header("Retry-After"));
            } else if (r != done) {
                assertEquals(done.raw(), r.raw());
                assertEquals("true", r.header("Idempotent-Replayed"));
                replays++;
            }
        }
        assertTrue(replays > 0, "the others waited for the first answer");
    }

    @Test
    void concurrentOperatorWritesWithOneKeyExecuteOnce() throws Exception {
        String user = Fixtures.uniqueName("race");
        Map<String, Object> body = map("parentAccountId", Fixtures.RESELLER, "name", "Race " + user, "username", user, "password", "secret");
        List<Resp> answers = concurrently(6, () -> fx.admin().send("POST", "/admin/enterprises", body, KEY, "race-" + user));
        assertEquals(1, count("SELECT count(*) FROM account WHERE name = ?", "Race " + user));
        for (Resp r : answers) assertTrue(r.status() == 201 || r.status() == 409, r.raw());
        assertEquals(1, answers.stream().filter(r -> r.status() == 201).map(Resp::raw).distinct().count());
    }

    private static List<Resp> concurrently(int n, Callable<Resp> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Resp>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Resp> answers = new ArrayList<>();
            for (Future<Resp> f : futures) answers.add(f.get());
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyStillInProgressIsRefusedThenTakenOverOnceAbandoned() {
        Map<String, Object> body = Fixtures.createBody(t, null, false);
        Resp first = t.api().send("POST", "/api/CreateEndPoint", body, KEY, "crash").expect("6411");
        // as if the first request were still running: the retry waits, then is told to retry
        jdbc.update("UPDATE idempotent_request SET state = 'IN_PROGRESS', owner = 'elsewhere', status = NULL, body = NULL,"
                + " started_at = now() WHERE account_id = ? AND idempotency_key = 'crash'", t.accountId());
        Resp busy = t.api().send("POST", "/api/CreateEndPoint", body, KEY, "crash");
        assertEquals(409, busy.status(), busy.raw());
        assertEquals("Wrong input parameter - Idempotency-Key (a request with this key is still in progress, retry later)", busy.description());
        assertEquals(1, count("SELECT count(*) FROM endpoint WHERE account_id = ?", t.accountId()));
        // as if its instance had crashed a while ago: the key is not stuck, the retry does the work
        jdbc.update("UPDATE idempotent_request SET started_at = now() - interval '2 minutes' WHERE account_id = ? AND idempotency_key = 'crash'",
                t.accountId());
        Resp retried = t.api().send("POST", "/api/CreateEndPoint", body, KEY, "crash").expect("6411");
        assertNotEquals(first.response().path("endPointId").asString(), retried.response().path("endPointId").asString());
        assertEquals(retried.raw(), t.api().send("POST", "/api/CreateEndPoint", body, KEY, "crash").raw());
    }

    @Test
    void keysExpire() {
        Map<String, Object> body = Fixtures.createBody(t, null, false);
        String first = t.api().send("POST", "/api/CreateEndPoint", body, KEY, "expiring").expect("6411").raw();
        clock.advance(Duration.ofHours(23)); // access tokens live an hour: log in again
        Api api = anon().login(t.username(), "secret");
        assertEquals(first, api.send("POST", "/api/CreateEndPoint", body, KEY, "expiring").raw());
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        api = anon().login(t.username(), "secret");
        Resp anew = api.send("POST", "/api/CreateEndPoint", body, KEY, "expiring").expect("6411");
        assertNull(anew.header("Idempotent-Replayed"));
        assertNotEquals(first, anew.raw());
        assertEquals(2, count("SELECT count(*) FROM endpoint WHERE account_id = ?", t.accountId()));
        // and the key is remembered again from its new first use
        assertEquals(anew.raw(), api.send("POST", "/api/CreateEndPoint", body, KEY, "expiring").raw());
    }

    @Test
    void keysArePerAccount() {
        Tenant other = fx.enterprise(1);
        String mine = t.api().send("POST", "/api/CreateEndPoint", Fixtures.createBody(t, t.iccids().get(0), true), KEY, "shared")
                .expect("5014").response().path("endPointId").asString();
        // another account's use of the key is its own: neither replayed nor refused
        String theirs = other.api().send("POST", "/api/CreateEndPoint", Fixtures.createBody(other, other.iccids().get(0), true), KEY, "shared")
                .expect("5014").response().path("endPointId").asString();
        assertNotEquals(mine, theirs);
        assertEquals(1, count("SELECT count(*) FROM endpoint WHERE account_id = ?", other.accountId()));
    }

    @Test
    void withoutAKeyNothingChanges() {
        Map<String, Object> body = Fixtures.createBody(t, null, false);
        Resp a = t.api().post("/api/CreateEndPoint", body).expect("6411");
        Resp b = t.api().post("/api/CreateEndPoint", body).expect("6411");
        assertNotEquals(a.response().path("endPointId").asString(), b.response().path("endPointId").asString());
        assertNull(b.header("Idempotent-Replayed"));
        // a blank key is no key
        t.api().send("POST", "/api/CreateEndPoint", body, KEY, " ").expect("6411");
        assertEquals(3, count("SELECT count(*) FROM endpoint WHERE account_id = ?", t.accountId()));
        assertEquals(0, count("SELECT count(*) FROM idempotent_request WHERE account_id = ?", t.accountId()));
        // reads never use a key
        t.api().send("GET", "/api/GetEndpoints", null, KEY, "read");
        assertEquals(0, count("SELECT count(*) FROM idempotent_request WHERE account_id = ?", t.accountId()));
    }

    /** A failure a retry may fix frees the key at once (5xx, an exception, 429, a lost race); a final answer is kept. */
    @Test
    void answersARetryMayChangeAreNotKept() throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(store, r -> false, r -> false);
        SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(
                new Actor(t.username(), t.accountId(), t.accountId(), AccountType.ENTERPRISE, "test")));
        AtomicInteger runs = new AtomicInteger();
        try {
            for (int status : new int[] {500, 503, 429, 409, 401}) {
                filter.doFilter(keyed("status-" + status), new MockHttpServletResponse(), (req, res) -> {
                    runs.incrementAndGet();
                    ((jakarta.servlet.http.HttpServletResponse) res).setStatus(status);
                });
            }
            filter.doFilter(keyed("lost-race"), new MockHttpServletResponse(), (req, res) -> {
                runs.incrementAndGet();
                req.setAttribute(IdempotencyFilter.NOT_FINAL, true); // 10239 answers HTTP 200
            });
            try {
                filter.doFilter(keyed("thrown"), new MockHttpServletResponse(), (req, res) -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // passed on to the container's error handling
            }
            assertEquals(7, runs.get());
            assertEquals(0, count("SELECT count(*) FROM idempotent_request WHERE account_id = ?", t.accountId()));
            // a final answer is kept, and replayed without running the chain
            for (int i = 0; i < 2; i++) {
                MockHttpServletResponse res = new MockHttpServletResponse();
                filter.doFilter(keyed("final"), res, (req, r) -> {
                    runs.incrementAndGet();
                    r.getOutputStream().write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
                });
                assertEquals("{\"ok\":true}", res.getContentAsString());
            }
            assertEquals(8, runs.get());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static MockHttpServletRequest keyed(String key) {
        MockHttpServletRequest req = new MockHttpServletRequest("POST", "/api/CreateEndPoint");
        req.addHeader(KEY, key);
        req.setContent("{}".getBytes(StandardCharsets.UTF_8));
        return req;
    }
}
