package io.simfleet.ops;

import static io.simfleet.testkit.Api.map;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.FakeNetwork;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import io.simfleet.testkit.SimfleetTestInitializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /actuator/prometheus} through real HTTP: who may read it, the request metrics by call and
 * result code with their latency buckets, the queue gauges, the pool's and the JVM's.
 */
class MetricsTest extends ApiTestBase {
    @Autowired
    FakeNetwork network;

    @Test
    void onlyOperatorsAndTheScrapeTokenReadTheMetrics() {
        assertEquals(401, anon().get("/actuator/prometheus").status(), "no token");
        assertEquals(401, scrape("not-the-scrape-token-not-the-scrape-token").status(), "a wrong scrape token");
        Resp customer = as("customer").get("/actuator/prometheus");
        assertEquals(403, customer.status(), customer.raw());
        assertEquals("10002", customer.code());

        Resp operator = as("admin").get("/actuator/prometheus");
        assertEquals(200, operator.status());
        assertTrue(operator.header("Content-Type").startsWith("text/plain"), operator.header("Content-Type"));
        Resp scraper = scrape(SimfleetTestInitializer.METRICS_TOKEN);
        assertEquals(200, scraper.status());
        assertTrue(scraper.raw().contains("# TYPE http_server_requests_seconds histogram"), "Prometheus text format");
    }

    @Test
    void requestsAreCountedByCallAndResultCodeWithLatencyBuckets() {
        Api customer = as("customer");
        String marker = "no-such-" + UUID.randomUUID();
        customer.get("/api/GetEndPointProfile?endPointId=1").expect("1083");
        customer.get("/api/GetEndPointProfile?endPointId=51368592").expect("1082");
        customer.get("/api/" + marker); // routed by nothing
        assertEquals(401, anon().get("/api/GetEndpoints?" + marker + "=1").status()); // refused before routing
        assertEquals(403, as("other").get("/admin/accounts").status()); // an enterprise on the operator API

        String text = scrape(SimfleetTestInitializer.METRICS_TOKEN).raw();
        List<Sample> samples = parse(text);
        assertTrue(count(samples, "/api/GetEndPointProfile", "1083") >= 1, "the refused profile read, by its detailed code");
        assertTrue(count(samples, "/api/GetEndPointProfile", "1082") >= 1, "the successful one");
        assertTrue(count(samples, "/api/GetEndpoints", "401") >= 1, "a request refused before routing is named by its route");
        assertTrue(count(samples, "/admin/accounts", "10002") >= 1, "the operator API refusing an enterprise");
        assertTrue(count(samples, "/api/login", "none") >= 1, "login answers tokens, no detailed code");
        assertFalse(text.contains(marker), "no raw path or query reaches a label");

        // the latency histogram of one call and answer: the configured buckets, cumulative, up to +Inf = count
        Map<String, Double> buckets = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.name().equals("http_server_requests_seconds_bucket") && "/api/GetEndPointProfile".equals(s.labels().get("uri"))
                    && "1083".equals(s.labels().get("result_code"))) {
                buckets.put(s.labels().get("le"), s.value());
            }
        }
        assertEquals(List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"),
                new ArrayList<>(buckets.keySet()));
        assertEquals(count(samples, "/api/GetEndPointProfile", "1083"), buckets.get("+Inf"));
        double previous = 0;
        for (double v : buckets.values()) {
            assertTrue(v >= previous, "cumulative buckets " + buckets);
            previous = v;
        }

        // every uri label is a route pattern or one of the fixed names: as few values as routes
        for (Sample s : samples) {
            String uri = s.labels().get("uri");
            if (s.name().startsWith("http_server_requests") && uri != null) {
                assertTrue(uri.equals("UNKNOWN") || uri.equals("NOT_FOUND") || uri.startsWith("/"), uri);
                assertFalse(uri.contains("?") || uri.matches(".*\\d{5,}.*"), "a pattern, not a path: " + uri);
            }
        }
    }

    @Test
    void queueGaugesCountAQueuedDelink() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(1);
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, true);
        String imsi = Fixtures.imsi(iccid);
        network.openSession(imsi);
        try {
            t.api().post("/api/DeLinkSim", map("Request", map("endPointId", Long.toString(ep)))).expect("7021");
            // the gauges read the database at most every simfleet.metrics.cache (5 s)
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertTrue(gauge("simfleet_delink_queue_endpoints") >= 1, "the queued de-link is counted"));
        } finally {
            network.closeSession(imsi);
        }
        List<Sample> samples = parse(scrape(SimfleetTestInitializer.METRICS_TOKEN).raw());
        for (String name : new String[] {"simfleet_delink_queue_oldest_age_seconds", "simfleet_job_units_pending", "simfleet_job_units_dead",
                "simfleet_outbox_unsequenced_events", "simfleet_outbox_unsequenced_oldest_age_seconds"}) {
            assertTrue(value(samples, name, Map.of()) >= 0, name);
        }
        for (String kind : new String[] {"BULK_CREATE", "BULK_MODIFY"}) {
            assertTrue(value(samples, "simfleet_jobs_unfinished", Map.of("kind", kind)) >= 0, kind);
            assertTrue(value(samples, "simfleet_jobs_oldest_age_seconds", Map.of("kind", kind)) >= 0, kind);
        }
        for (String name : new String[] {"simfleet_outbox_lag_events", "simfleet_outbox_lag_accounts", "simfleet_outbox_failing_accounts",
                "simfleet_outbox_lag_seconds"}) {
            assertTrue(value(samples, name, Map.of("consumer", "network")) >= 0, name);
        }
        // the database pool and the JVM, by Spring Boot
        assertTrue(value(samples, "hikaricp_connections_max", Map.of("pool", "simfleet")) >= 1);
        assertTrue(samples.stream().anyMatch(s -> s.name().equals("jvm_memory_used_bytes") && s.value() > 0));
        // the de-link completes once the session ends, and leaves the queue
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals("-", t.api().get("/api/fetchSIM?iccid=" + iccid).response().path("responseParam").path("rows").get(0)
                        .path("endPointId").asString(), "the SIM is de-linked"));
    }

    // --- Prometheus' text format

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "a sample line: " + line);
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) labels.put(l.group(1), l.group(2));
            }
            String v = m.group(3);
            out.add(new Sample(m.group(1), labels, v.equals("+Inf") ? Double.POSITIVE_INFINITY : v.equals("NaN") ? Double.NaN : Double.parseDouble(v)));
        }
        return out;
    }

    private static double count(List<Sample> samples, String uri, String resultCode) {
        return samples.stream().filter(s -> s.name().equals("http_server_requests_seconds_count")
                        && uri.equals(s.labels().get("uri")) && resultCode.equals(s.labels().get("result_code")))
                .mapToDouble(Sample::value).sum();
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> found = samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertEquals(1, found.size(), name + labels + " exported once");
        return found.get(0).value();
    }

    private double gauge(String name) {
        return value(parse(scrape(SimfleetTestInitializer.METRICS_TOKEN).raw()), name, Map.of());
    }

    private Resp scrape(String token) {
        return anon().send("GET", "/actuator/prometheus", null, "Authorization", "Bearer " + token);
    }

}
