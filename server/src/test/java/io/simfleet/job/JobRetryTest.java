package io.simfleet.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.job.Job.Item;
import io.simfleet.job.Job.State;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Retries and the dead-letter state, with handlers that fail on purpose (registered only in this
 * test's context). Backoff is waited out by moving the clock, never by sleeping.
 */
@Import(JobRetryTest.FailingHandlers.class)
@TestPropertySource(properties = {"simfleet.jobs.max-attempts=3", "simfleet.jobs.retry-backoff=1m",
        "simfleet.jobs.poll-interval=100ms"})
class JobRetryTest extends ApiTestBase {
    static final String ITEMS = "TEST_FLAKY_ITEMS";
    static final String WHOLE = "TEST_FAILING_WHOLE";

    record Plan(@JsonProperty("note") String note) {}

    /** Items: "ok" succeeds, "refuse" is refused (a result), "fail-once" fails its first attempt, "always" every one. */
    static final class FlakyItems implements JobHandler.PerItem<Plan> {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public String kind() {
            return ITEMS;
        }

        @Override
        public int payloadVersion() {
            return 1;
        }

        @Override
        public Class<Plan> payloadType() {
            return Plan.class;
        }

        @Override
        public void run(JobContext job, Plan payload, String item) {
            calls.computeIfAbsent(job.jobId() + "/" + item, k -> new AtomicInteger()).incrementAndGet();
            switch (item) {
                case "ok" -> { }
                case "refuse" -> throw new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, "refused on purpose");
                case "fail-once" -> {
                    if (job.attempt() == 1) throw new IllegalStateException("failing on purpose, attempt " + job.attempt());
                }
                default -> throw new IllegalStateException("failing on purpose, attempt " + job.attempt());
            }
        }

        @Override
        public ResultCode success() {
            return ResultCode.MODIFY_ENDPOINT_SUCCESS;
        }

        int calls(long job, String item) {
            AtomicInteger n = calls.get(job + "/" + item);
            return n == null ? 0 : n.get();
        }
    }

    /** A whole job that always fails. */
    static final class FailingWhole implements JobHandler.WholeJob<Plan> {
        @Override
        public String kind() {
            return WHOLE;
        }

        @Override
        public int payloadVersion() {
            return 1;
        }

        @Override
        public Class<Plan> payloadType() {
            return Plan.class;
        }

        @Override
        public String run(JobContext job, Plan payload) {
            throw new IllegalStateException("whole job failing on purpose, attempt " + job.attempt());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingHandlers {
        @Bean
        FlakyItems flakyItems() {
            return new FlakyItems();
        }

        @Bean
        FailingWhole failingWhole() {
            return new FailingWhole();
        }
    }

    @Autowired
    JobService jobs;

    @Autowired
    FlakyItems flaky;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Tenant t;
    Actor actor;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        t = fx.enterprise(0);
        actor = new Actor(t.username(), t.accountId(), t.accountId(), AccountType.ENTERPRISE, "retry-test");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<Item> awaitItems(long job, Predicate<List<Item>> until) {
        return await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.items(t.accountId(), job), until);
    }

    private Job job(long id) {
        return jobs.find(t.accountId(), id).orElseThrow();
    }

    private static Item item(List<Item> items, String value) {
        return items.stream().filter(i -> value.equals(i.value())).findFirst().orElseThrow();
    }

    @Test
    void failuresAreRetriedWithBackoffThenDeadWithoutBlockingTheQueue() {
        long job = jobs.submit(actor, NewJob.perItem(ITEMS, new Plan("retry me"), List.of("ok", "refuse", "fail-once", "always")));

        List<Item> first = awaitItems(job, items -> items.stream().allMatch(i -> i.attempts() == 1));
        assertEquals(State.DONE, item(first, "ok").state());
        assertEquals("10068", item(first, "ok").resultCode());
        // a refusal is the item's result, not a failure: never retried
        assertEquals(State.DONE, item(first, "refuse").state());
        assertEquals("10069", item(first, "refuse").resultCode());
        for (String failing : List.of("fail-once", "always")) {
            Item i = item(first, failing);
            assertEquals(State.PENDING, i.state(), failing);
            assertNull(i.resultCode(), failing);
            assertTrue(i.lastError().contains("failing on purpose, attempt 1"), i.lastError());
        }

        // a kind no handler of this instance knows is left alone (a newer instance may know it)
        jdbc.sql("INSERT INTO job (id, account_id, kind, status, payload, payload_version, actor_username, actor_account_id,"
                        + " request_id, total, created_at) VALUES (nextval('job_id_seq'), :a, 'FROM_A_NEWER_VERSION', 'PROCESSING',"
                        + " '{}', 1, 'x', :a, '-', 1, now())").param("a", t.accountId()).update();
        long unknown = jdbc.sql("SELECT currval('job_id_seq')").query(Long.class).single();
        jdbc.sql("INSERT INTO job_item (account_id, job_id, seq, value) VALUES (:a, :j, 1, NULL)")
                .param("a", t.accountId()).param("j", unknown).update();

        // the units waiting for their retry block nothing: a later job of the same account runs meanwhile
        long later = jobs.submit(actor, NewJob.perItem(ITEMS, new Plan("later"), List.of("ok")));
        await().atMost(Duration.ofSeconds(30)).until(() -> job(later).status() == Job.Status.SUCCESS);
        // and the workers that ran it passed over the waiting units: not retried before their time
        List<Item> meanwhile = jobs.items(t.accountId(), job);
        assertEquals(1, item(meanwhile, "fail-once").attempts());
        assertEquals(1, item(meanwhile, "always").attempts());
        assertEquals(Job.Status.PROCESSING, job(job).status());
        Item untouched = jobs.items(t.accountId(), unknown).get(0);
        assertEquals(State.PENDING, untouched.state());
        assertEquals(0, untouched.attempts());

        // the first backoff (1 minute) passes: the second attempts
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        List<Item> second = awaitItems(job, items -> item(items, "always").attempts() == 2);
        assertEquals(State.DONE, item(second, "fail-once").state());
        assertEquals("10068", item(second, "fail-once").resultCode());
        assertEquals(2, item(second, "fail-once").attempts());
        assertEquals(State.PENDING, item(second, "always").state());

        // the second backoff is doubled: 1 more minute is not enough, 2 are
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        long done = jobs.submit(actor, NewJob.perItem(ITEMS, new Plan("a pass of the workers"), List.of("ok")));
        await().atMost(Duration.ofSeconds(30)).until(() -> job(done).status() == Job.Status.SUCCESS);
        assertEquals(2, item(jobs.items(t.accountId(), job), "always").attempts());
        clock.advance(Duration.ofMinutes(1));

        // the third and last attempt fails: dead, with the generic failure as its result
        List<Item> last = awaitItems(job, items -> item(items, "always").state() == State.DEAD);
        Item dead = item(last, "always");
        assertEquals(3, dead.attempts());
        assertEquals("10160", dead.resultCode());
        assertEquals("Internal failure", dead.resultDescription());
        assertTrue(dead.lastError().contains("failing on purpose, attempt 3"), dead.lastError());
        Job ended = await().atMost(Duration.ofSeconds(30)).until(() -> job(job), j -> j.status() != Job.Status.PROCESSING);
        assertEquals(Job.Status.PARTIAL, ended.status());
        assertEquals(2, ended.succeeded());
        assertEquals(2, ended.failed());
        assertEquals(1, flaky.calls(job, "refuse"));
        assertEquals(2, flaky.calls(job, "fail-once"));
        assertEquals(3, flaky.calls(job, "always"));

        // the operator sees it
        JsonNode listed = fx.admin().get("/admin/jobs/dead?accountId=" + t.accountId()).json();
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(job, listed.get(0).path("jobId").asLong());
        assertEquals(ITEMS, listed.get(0).path("kind").asString());
        assertEquals("always", listed.get(0).path("value").asString());
        assertEquals(4, listed.get(0).path("seq").asInt());
        assertEquals(3, listed.get(0).path("attempts").asInt());
        assertTrue(listed.get(0).path("lastError").asString().contains("failing on purpose"));
        assertEquals(400, fx.admin().get("/admin/jobs/dead?limit=0").status());
    }

    @Test
    void aWholeJobThatKeepsFailingEndsFailWithTheGenericReason() {
        long job = jobs.submit(actor, NewJob.whole(WHOLE, new Plan("fail whole"), 7));
        awaitItems(job, items -> items.get(0).attempts() == 1);
        assertEquals(Job.Status.PROCESSING, job(job).status());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        awaitItems(job, items -> items.get(0).attempts() == 2);
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        Job ended = await().atMost(Duration.ofSeconds(30)).until(() -> job(job), j -> j.status() != Job.Status.PROCESSING);
        assertEquals(Job.Status.FAIL, ended.status());
        assertEquals(0, ended.succeeded());
        assertEquals(7, ended.failed());
        assertEquals("Internal failure", ended.reason());
        Item unit = jobs.items(t.accountId(), job).get(0);
        assertEquals(State.DEAD, unit.state());
        assertEquals(3, unit.attempts());
        assertNull(unit.value());
        assertTrue(jobs.deadWork(t.accountId(), 10).stream().anyMatch(d -> d.jobId() == job && d.kind().equals(WHOLE)));
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        JobRunner runner = new JobRunner(null, null, null, null, clock, 5, Duration.ofSeconds(10), Duration.ofSeconds(45));
        assertEquals(Duration.ofSeconds(10), runner.backoff(1));
        assertEquals(Duration.ofSeconds(20), runner.backoff(2));
        assertEquals(Duration.ofSeconds(40), runner.backoff(3));
        assertEquals(Duration.ofSeconds(45), runner.backoff(4));
        assertEquals(Duration.ofSeconds(45), runner.backoff(30));
    }
}
