package io.simfleet.usage;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingestion racing SubscribeAddon, ChangePlan and UpdateThreshold on one endpoint, with every
 * record sent twice by different clients: afterwards, checked in SQL, every record is counted
 * once, the free units, the aggregates and the main account agree with the stored records, and
 * no balance is below what the policy allows.
 */
class UsageConcurrencyTest extends ApiTestBase {
    static final long MB = 1024 * 1024;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ingestionRacingTheEndpointsChangesNeverDoubleCountsNorLosesADecrement() throws Exception {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(1);
        Map<String, Object> tariff = map("prices", map("DATA", new BigDecimal("0.010")), "initialBalance", new BigDecimal("3.00"));
        String planA = Fixtures.uniqueName("PA"), planB = Fixtures.uniqueName("PB");
        fx.plan(t, planA, "planType", "PREPAID", "tariff", tariff, "benefits", List.of(map("type", "DATA", "amount", 20)));
        fx.plan(t, planB, "planType", "PREPAID", "tariff", tariff, "benefits", List.of(map("type", "DATA", "amount", 20)));
        List<String> addons = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String a = Fixtures.uniqueName("AD");
            fx.plan(t, a, "category", "ADDON", "planType", "PREPAID", "benefits", List.of(map("type", "DATA", "amount", 10)),
                    "counters", List.of(map("name", "Daily_DATA", "thresholdValue", 40, "action", "NOTIFY", "frequency", "Daily")));
            addons.add(a);
        }
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true, "planId", planA, "addonPlanIds", List.of(addons.get(0)));
        String imsi = Fixtures.imsi(t.iccids().get(0));
        tools.jackson.databind.JsonNode counter = t.api().get("/api/GetEndPointProfile?endPointId=" + ep).json().path("Response")
                .path("info").path("counter").get(0);
        String counterId = counter.path("counterId").asString(), uniqueId = counter.path("addonUniqueId").asString();

        // 400 records of 1 MB, in 20 batches of 20; each batch is sent by two ingesting clients
        Instant base = clock.instant().minus(Duration.ofMinutes(30));
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = b * 20 + i;
                batch.add(map("recordId", "c" + ep + "-" + n, "type", "DATA", "imsi", imsi,
                        "startTime", base.plusSeconds(n).toString(), "uplinkBytes", MB / 4, "downlinkBytes", MB * 3 / 4));
            }
            batches.add(batch);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Future<?>> work = new ArrayList<>();
        for (int client = 0; client < 2; client++) {
            int c = client;
            work.add(pool.submit(() -> {
                start.await();
                for (int b = 0; b < batches.size(); b++) {
                    Resp r = fx.admin().post("/admin/usage", batches.get(c == 0 ? b : batches.size() - 1 - b));
                    if (r.status() != 200 || r.json().path("refused").asInt() != 0) unexpected.add(r.raw());
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            start.await();
            for (int i = 1; i < addons.size(); i++) {
                Resp r = t.api().post("/api/SubscribeAddon", map("Request", map("requestParam", map("endPointId", ep, "planId", addons.get(i)))));
                if (!"1171".equals(r.code())) unexpected.add("subscribe " + r.raw());
            }
            return null;
        }));
        work.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 6; i++) {
                Resp r = t.api().post("/api/ChangePlan", map("Request", map("endPointId", Long.toString(ep),
                        "requestParam", map("planId", i % 2 == 0 ? planB : planA))));
                if (!"7001".equals(r.code())) unexpected.add("change plan " + r.raw());
            }
            return null;
        }));
        work.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 10; i++) {
                Resp r = t.api().post("/api/UpdateThreshold", map("Request", map("endPointId", Long.toString(ep), "requestParam",
                        map("counterId", counterId, "uniqueId", uniqueId, "threshold", Integer.toString(30 + i)))));
                if (!"3005".equals(r.code())) unexpected.add("threshold " + r.raw());
            }
            return null;
        }));
        start.countDown();
        for (Future<?> f : work) f.get(5, TimeUnit.MINUTES);
        pool.shutdown();
        assertTrue(unexpected.isEmpty(), unexpected.toString());

        long a = t.accountId();
        assertEquals(400L, one("SELECT count(*) FROM usage_record WHERE account_id = :a AND endpoint_id = :e", a, ep), "each record once");
        assertEquals(400L * MB, one("SELECT sum(uplink + downlink) FROM usage_daily WHERE account_id = :a AND endpoint_id = :e", a, ep),
                "the aggregates hold each record once");
        long free = one("SELECT sum(free_units) FROM usage_record WHERE account_id = :a AND endpoint_id = :e", a, ep);
        assertEquals(free, one("SELECT sum(used) FROM benefit_usage WHERE account_id = :a AND endpoint_id = :e", a, ep),
                "every free unit taken is recorded on its benefit");
        assertEquals(0L, one("SELECT count(*) FROM benefit_usage WHERE account_id = :a AND endpoint_id = :e AND (used > actual OR used < 0)", a, ep));
        BigDecimal cost = jdbc.sql("SELECT sum(cost) FROM usage_record WHERE account_id = :a AND endpoint_id = :e")
                .param("a", a).param("e", ep).query(BigDecimal.class).single();
        BigDecimal balance = jdbc.sql("SELECT balance FROM endpoint_wallet WHERE account_id = :a AND endpoint_id = :e")
                .param("a", a).param("e", ep).query(BigDecimal.class).single();
        BigDecimal shortfall = jdbc.sql("SELECT shortfall FROM endpoint_wallet WHERE account_id = :a AND endpoint_id = :e")
                .param("a", a).param("e", ep).query(BigDecimal.class).single();
        assertTrue(balance.signum() >= 0, "never below zero: " + balance);
        assertEquals(0, new BigDecimal("3.00").compareTo(balance.add(cost).subtract(shortfall)),
                "no decrement lost: initial = balance + cost - shortfall (" + balance + ", " + cost + ", " + shortfall + ")");
        assertTrue(free >= 20 * MB, "at least the base plan's free units were used: " + free);
        assertEquals(39L, one("SELECT threshold_mb FROM counter_threshold WHERE account_id = :a AND endpoint_id = :e", a, ep),
                "the last threshold written");
    }

    long one(String sql, long a, long e) {
        return jdbc.sql(sql).param("a", a).param("e", e).query(Long.class).single();
    }
}
