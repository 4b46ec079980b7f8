package io.simfleet.usage;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Usage records through the operator API, rated into balances, counters and the daily
 * aggregates, read back through GetStatistics and GetEndPointProfile (real HTTP, real
 * PostgreSQL). The clock is moved to the 29th day of a month, so that 28 days of usage are the
 * current billing month's.
 */
class UsageTest extends ApiTestBase {
    static final long MB = 1024 * 1024;
    static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    LocalDate first;

    /** Moves the clock to 12:00 UTC of the 29th of next month, and logs in after (tokens follow the clock). */
    void atTheEndOfAMonth() {
        Instant now = clock.instant();
        first = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        clock.advance(Duration.between(now, first.plusDays(28).atTime(12, 0).toInstant(ZoneOffset.UTC)));
        fx = new Fixtures(anon());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> data(String id, String imsi, Instant at, long up, long down) {
        return map("recordId", id, "type", "DATA", "imsi", imsi, "startTime", at.toString(), "duration", 600,
                "uplinkBytes", up, "downlinkBytes", down, "visitedMccMnc", "20601", "rat", "LTE", "apn", "bicsapn");
    }

    static Map<String, Object> sms(String id, String imsi, Instant at, String direction) {
        return map("recordId", id, "type", "SMS", "direction", direction, "imsi", imsi, "time", at.toString(), "visitedMccMnc", "20601");
    }

    /** A prepaid plan with free units, prices and a monthly data counter. */
    String prepaidPlan(Tenant t, String balance) {
        String id = Fixtures.uniqueName("PRE");
        fx.plan(t, id, "planType", "PREPAID",
                "benefits", List.of(map("type", "DATA", "amount", 10), map("type", "SMS", "amount", 5)),
                "tariff", map("prices", map("DATA", new BigDecimal("0.020"), "SMS_MO", new BigDecimal("0.050"), "SMS_MT", 0),
                        "initialBalance", new BigDecimal(balance)),
                "counters", List.of(map("name", "Monthly_DATA", "thresholdValue", 50, "thresholdUnit", "MB", "action", "NOTIFY",
                        "frequency", "Monthly", "service", "DATA")));
        return id;
    }

    Resp ingest(Object body) {
        Resp r = fx.admin().post("/admin/usage", body);
        assertEquals(200, r.status(), r.raw());
        return r;
    }

    JsonNode profile(Tenant t, long ep) {
        return t.api().get("/api/GetEndPointProfile?endPointId=" + ep).expect("1082").json().path("Response").path("info");
    }

    Resp statistics(Tenant t, Object ep, LocalDate from, LocalDate to) {
        return t.api().get("/api/GetStatistics?endPointId=" + ep + "&from_date=" + YYYYMMDD.format(from) + "&to_date=" + YYYYMMDD.format(to));
    }

    @Test
    void aMonthOfUsageIngestedTwiceAndOutOfOrderCountsOnce() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(1);
        String plan = prepaidPlan(t, "10.00");
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true, "planId", plan);
        String imsi = Fixtures.imsi(t.iccids().get(0));
        List<Map<String, Object>> records = new ArrayList<>();
        for (int d = 0; d < 28; d++) {
            Instant at = first.plusDays(d).atTime(10, 0).toInstant(ZoneOffset.UTC);
            records.add(data("d" + ep + "-" + d, imsi, at, MB, 2 * MB));
            records.add(sms("s" + ep + "-" + d, imsi, at.plusSeconds(60), "MO"));
        }
        Collections.shuffle(records, new Random(7));
        JsonNode once = ingest(map("records", records)).json();
        assertEquals(56, once.path("accepted").asInt(), once.toString());
        assertEquals(0, once.path("duplicates").asInt());
        assertEquals(0, once.path("refused").asInt());

        // the same records again, reshuffled, half as a JSON array and half as CSV: all duplicates
        Collections.shuffle(records, new Random(8));
        JsonNode again = ingest(records.subList(0, 28)).json();
        assertEquals(0, again.path("accepted").asInt());
        assertEquals(28, again.path("duplicates").asInt());
        StringBuilder csv = new StringBuilder("recordId,type,direction,imsi,startTime,duration,uplinkBytes,downlinkBytes,visitedMccMnc\n");
        for (Map<String, Object> r : records.subList(28, 56)) {
            csv.append(r.get("recordId")).append(',').append(r.get("type")).append(',').append(r.getOrDefault("direction", ""))
                    .append(',').append(r.get("imsi")).append(',').append(r.getOrDefault("startTime", r.get("time"))).append(',')
                    .append(r.getOrDefault("duration", "")).append(',').append(r.getOrDefault("uplinkBytes", "")).append(',')
                    .append(r.getOrDefault("downlinkBytes", "")).append(',').append(r.get("visitedMccMnc")).append('\n');
        }
        JsonNode csvAgain = fx.admin().send("POST", "/admin/usage", csv.toString(), "Content-Type", "text/csv").json();
        assertEquals(0, csvAgain.path("accepted").asInt(), csvAgain.toString());
        assertEquals(28, csvAgain.path("duplicates").asInt());

        // statistics: 84 MB of data (10 free, 74 at 0.020) and 28 SMS MO (5 free, 23 at 0.050)
        JsonNode stats = statistics(t, ep, first.minusDays(3), first.plusDays(30)).expect("2589").response().path("responseParam");
        assertEquals(28, stats.path("dataUsage").size());
        assertEquals(28, stats.path("smsUsage").size());
        assertTrue(stats.path("nbiotUsage").isMissingNode(), "only services with usage appear");
        assertEquals(map("totalCost", "1.480", "uplink", "28.000", "downlink", "56.000", "totalVolume", "84.000"),
                Api.JSON.convertValue(stats.path("dataTotalUsage"), Map.class));
        assertEquals("SMS_MO", stats.path("smsTotalUsage").get(0).path("serviceName").asString());
        assertEquals("28", stats.path("smsTotalUsage").get(0).path("totalCount").asString());
        assertEquals("1.150", stats.path("smsTotalUsage").get(0).path("totalCost").asString());
        JsonNode day1 = stats.path("dataUsage").get(0);
        assertEquals(first.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), day1.path("date").asString());
        assertEquals("3.000", day1.path("totalVolume").asString());
        assertEquals("1.000", day1.path("uplink").asString());

        // balances: 10.00 - 1.48 - 1.15 = 7.37, i.e. 737 cents; the month's free units used up
        JsonNode profile = profile(t, ep);
        assertEquals("737", profile.path("basicInfo").path("maBalance").asString());
        Map<String, JsonNode> units = new java.util.HashMap<>();
        profile.path("benefitInfo").path("benefit").forEach(b -> units.put(b.path("name").asString(), b));
        assertEquals("737", units.get("Prepaid Main Account").path("balance").asString());
        assertEquals("1000", units.get("Prepaid Main Account").path("actualBalance").asString());
        assertEquals("0", units.get("DATA").path("balance").asString());
        assertEquals(Long.toString(10 * MB), units.get("DATA").path("actualBalance").asString());
        assertEquals("0", units.get("SMS").path("balance").asString());
        JsonNode counter = profile.path("counter").get(0);
        assertEquals("Monthly_DATA", counter.path("counterName").asString());
        assertEquals("84.000", counter.path("usage").asString());
        assertEquals(Long.toString(50 * MB), counter.path("limit").asString());
        assertTrue(counter.path("counterId").asString().matches("C_Monthly_1_CE_USAGE_VOLUME_4_5_\\d+"), counter.toString());

        // the counter's threshold was crossed once: one event
        JsonNode events = t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=100").response().path("responseParam").path("events");
        long crossings = 0;
        for (JsonNode e : events) if (e.path("call").asString().equals("UsageCounter")) crossings++;
        assertEquals(1, crossings, events.toString());

        // in SQL: the records once, the aggregates and the wallet as one ingestion
        assertEquals(56L, jdbc.sql("SELECT count(*) FROM usage_record WHERE account_id = :a AND endpoint_id = :e")
                .param("a", t.accountId()).param("e", ep).query(Long.class).single());
        assertEquals(0, new java.math.BigDecimal("7.37").compareTo(jdbc.sql("SELECT balance FROM endpoint_wallet WHERE account_id = :a AND endpoint_id = :e")
                .param("a", t.accountId()).param("e", ep).query(java.math.BigDecimal.class).single()));
    }

    @Test
    void aRecordThatCannotBeRatedIsRefusedOnItsOwnAndTheRestIsKept() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(2);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        String imsi = Fixtures.imsi(t.iccids().get(0));
        String unlinked = Fixtures.imsi(t.iccids().get(1));
        Instant at = first.plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC);
        List<Object> batch = new ArrayList<>(List.of(
                data("ok-" + ep, imsi, at, 100, 200),
                data("unknown-" + ep, "999990000000001", at, 1, 1),
                data("unlinked-" + ep, unlinked, at, 1, 1),
                map("recordId", "bad-" + ep, "type", "DATA", "imsi", imsi, "startTime", "yesterday", "uplinkBytes", 1, "downlinkBytes", 1),
                map("recordId", "neg-" + ep, "type", "DATA", "imsi", imsi, "startTime", at.toString(), "uplinkBytes", -1, "downlinkBytes", 1),
                map("recordId", "smsdir-" + ep, "type", "SMS", "imsi", imsi, "time", at.toString()),
                map("type", "DATA", "imsi", imsi, "startTime", at.toString(), "uplinkBytes", 1, "downlinkBytes", 1),
                data("future-" + ep, imsi, clock.instant().plus(Duration.ofDays(2)), 1, 1),
                data("ok-" + ep, imsi, at, 100, 200),
                "not an object"));
        JsonNode r = ingest(batch).json();
        assertEquals(10, r.path("received").asInt());
        assertEquals(1, r.path("accepted").asInt(), r.toString());
        assertEquals(1, r.path("duplicates").asInt(), "the same record twice in one batch counts once");
        assertEquals(8, r.path("refused").asInt());
        Map<String, String> reasons = new java.util.HashMap<>();
        r.path("refusals").forEach(x -> reasons.put(x.path("index").asString(), x.path("reason").asString()));
        assertEquals("imsi: unknown", reasons.get("1"));
        assertEquals("imsi: the SIM is not linked to an endpoint", reasons.get("2"));
        assertTrue(reasons.get("3").startsWith("startTime:"), reasons.toString());
        assertTrue(reasons.get("4").startsWith("uplinkBytes:"), reasons.toString());
        assertTrue(reasons.get("5").startsWith("direction:"), reasons.toString());
        assertEquals("recordId: missing", reasons.get("6"));
        assertEquals("startTime: in the future", reasons.get("7"));
        assertEquals("record: not an object", reasons.get("9"));
        JsonNode day = statistics(t, ep, first, first.plusDays(27)).expect("2589").response().path("responseParam").path("dataTotalUsage");
        assertEquals("0.000", day.path("uplink").asString());
        assertEquals(Long.toString(300), Long.toString(300)); // the record: 300 bytes
        assertEquals("0.000", day.path("totalVolume").asString());

        // a record id with a comma and a quote is stored as sent, and recognised when sent again
        String odd = "odd,\"id\"-" + ep;
        assertEquals(1, ingest(List.of(data(odd, imsi, at, 1, 1))).json().path("accepted").asInt());
        assertEquals(1, ingest(List.of(data(odd, imsi, at, 1, 1))).json().path("duplicates").asInt());
        assertEquals(odd, jdbc.sql("SELECT record_id FROM usage_record WHERE account_id = :a AND record_id LIKE 'odd%'")
                .param("a", t.accountId()).query(String.class).single());

        // a body that is not records at all changes nothing
        Resp broken = fx.admin().post("/admin/usage", "{\"records\": 5}");
        assertEquals(400, broken.status(), broken.raw());
        assertTrue(broken.raw().contains("1001"), broken.raw());
        Resp notJson = fx.admin().send("POST", "/admin/usage", "{{{", "Content-Type", "application/json");
        assertEquals(400, notJson.status(), notJson.raw());
        // only the operator may send usage
        assertEquals(403, t.api().post("/admin/usage", List.of()).status());
    }

    @Test
    void aPrepaidEndpointWhoseCreditRunsOutHasItsDataBarredUntilTheOperatorCreditsIt() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(1);
        String plan = Fixtures.uniqueName("PRE");
        fx.plan(t, plan, "planType", "PREPAID", "tariff", map("prices", map("DATA", new BigDecimal("0.010")), "initialBalance", new BigDecimal("0.05")));
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true, "planId", plan);
        String imsi = Fixtures.imsi(t.iccids().get(0));
        assertEquals("5", profile(t, ep).path("basicInfo").path("maBalance").asString(), "the plan's initial credit, in cents");
        ingest(List.of(data("bar-" + ep, imsi, first.plusDays(2).atTime(8, 0).toInstant(ZoneOffset.UTC), 0, 10 * MB)));
        JsonNode barred = profile(t, ep).path("basicInfo");
        assertEquals("0", barred.path("maBalance").asString(), "never below zero");
        assertEquals("DATA", barred.path("barredServices").asString());
        // the cost is the record's whatever the balance could take
        assertEquals("0.100", statistics(t, ep, first, first.plusDays(27)).response().path("responseParam").path("dataTotalUsage")
                .path("totalCost").asString());

        Resp credit = fx.admin().post("/admin/accounts/" + t.accountId() + "/endpoints/" + ep + "/credit", map("amount", new BigDecimal("1.00")));
        assertEquals(200, credit.status(), credit.raw());
        JsonNode after = profile(t, ep).path("basicInfo");
        assertEquals("100", after.path("maBalance").asString());
        assertEquals("-", after.path("barredServices").asString());
        List<String> calls = new ArrayList<>();
        t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=100").response().path("responseParam").path("events")
                .forEach(e -> calls.add(e.path("call").asString() + ":" + e.path("detail").asString()));
        assertTrue(calls.contains("Rating:DATA barred: BALANCE_EXHAUSTED"), calls.toString());
        assertTrue(calls.contains("Rating:DATA unbarred: BALANCE_CREDITED"), calls.toString());

        // bad credits change nothing
        assertEquals(400, fx.admin().post("/admin/accounts/" + t.accountId() + "/endpoints/" + ep + "/credit", map("amount", -1)).status());
        assertEquals(400, fx.admin().post("/admin/accounts/" + t.accountId() + "/endpoints/" + ep + "/credit", map()).status());
        assertEquals("100", profile(t, ep).path("basicInfo").path("maBalance").asString());
    }

    @Test
    void getStatisticsAnswersTheDocumentedCodes() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(1);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        String imsi = Fixtures.imsi(t.iccids().get(0));
        Instant at = first.plusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC);
        ingest(List.of(map("recordId", "nb-" + ep, "type", "NB-IOT", "imsi", imsi, "startTime", at.toString(), "duration", 5,
                        "uplinkBytes", 2 * MB, "downlinkBytes", MB),
                sms("mt-" + ep, imsi, at, "MT"), sms("mt2-" + ep, imsi, at.plusSeconds(5), "MT")));
        JsonNode ok = statistics(t, ep, first, first.plusDays(1)).expect("2589").response().path("responseParam");
        assertEquals("3.000", ok.path("nbiotTotalUsage").path("totalVolume").asString());
        assertEquals("SMS_MT", ok.path("smsUsage").get(0).path("serviceName").asString());
        assertEquals("2", ok.path("smsUsage").get(0).path("totalCount").asString());
        assertTrue(ok.path("dataUsage").isMissingNode());

        statistics(t, ep, first.plusDays(5), first.plusDays(6)).expect("1340").expectDescription("No record exists");
        t.api().get("/api/GetStatistics?endPointId=" + ep + "&to_date=20260101").expect("1000");
        t.api().get("/api/GetStatistics?endPointId=" + ep + "&from_date=20261301&to_date=20261302").expect("1001");
        t.api().get("/api/GetStatistics?endPointId=" + ep + "&from_date=2026-01-01&to_date=20260102").expect("1001");
        statistics(t, ep, first.plusDays(2), first).expect("1001");
        statistics(t, 99999999999L, first, first).expect("1001");
        Tenant other = fx.enterprise(0);
        statistics(other, ep, first, first.plusDays(2)).expect("1001");
        t.api().get("/api/GetStatistics?from_date=20260101&to_date=20260102").expect("1000");
        assertNotEquals("0", as("reseller").get("/api/GetStatistics?endPointId=" + ep + "&from_date=20260101&to_date=20260102").result());
    }

    @Test
    void updateThresholdSetsTheEndpointsThresholdOfACounterAndUsageCrossingItAppliesItsAction() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(1);
        String addon = Fixtures.uniqueName("ADD");
        fx.plan(t, addon, "category", "ADDON", "validityDays", 30, "benefits", List.of(map("type", "DATA", "amount", 5)),
                "counters", List.of(map("name", "Daily_DATA", "thresholdValue", 3, "thresholdUnit", "MB", "action", "BAR_DATA",
                        "frequency", "Daily", "service", "DATA")));
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true, "addonPlanIds", List.of(addon));
        JsonNode counter = profile(t, ep).path("counter").get(0);
        String counterId = counter.path("counterId").asString();
        String uniqueId = counter.path("addonUniqueId").asString();
        assertEquals("3", counter.path("thresholdValue").asString());

        update(t, ep, addon, counterId, uniqueId, "4").expect("3005").expectDescription("Update endpoint/customer success");
        JsonNode updated = profile(t, ep).path("counter").get(0);
        assertEquals("4", updated.path("thresholdValue").asString());
        assertEquals("MB", updated.path("thresholdUnit").asString());
        assertEquals(Long.toString(4 * MB), updated.path("limit").asString());

        update(t, ep, addon, "C_Daily_9_CE_USAGE_VOLUME_4_5_1", uniqueId, "4").expect("6721").expectDescription("No counter exists");
        update(t, ep, addon, counterId, "123456789", "4").expect("6721");
        update(t, ep, "OTHERPLAN", counterId, uniqueId, "4").expect("6721");
        update(t, 99999999999L, addon, counterId, uniqueId, "4").expect("3006");
        update(t, ep, addon, counterId, uniqueId, "abc").expect("1001");
        update(t, ep, addon, counterId, uniqueId, "0").expect("1001");
        t.api().post("/api/UpdateThreshold", map("Request", map("endPointId", ep, "requestParam", map("uniqueId", uniqueId, "threshold", "4"))))
                .expect("1000");
        t.api().post("/api/UpdateThreshold", map("Request", map("requestParam", map("counterId", counterId, "threshold", "4")))).expect("1000");

        // 5 MB today: 5 free units, and the daily counter (4 MB) crossed: data barred until midnight
        String imsi = Fixtures.imsi(t.iccids().get(0));
        clock.advance(Duration.ofMinutes(10));
        ingest(List.of(data("x-" + ep, imsi, clock.instant().minus(Duration.ofMinutes(5)), MB, 4 * MB)));
        JsonNode p = profile(t, ep);
        assertEquals("DATA", p.path("basicInfo").path("barredServices").asString());
        assertEquals("5.000", p.path("counter").get(0).path("usage").asString());
        JsonNode addonUnits = null;
        for (JsonNode b : p.path("benefitInfo").path("benefit")) if (uniqueId.equals(b.path("uniqueId").asString())) addonUnits = b;
        assertEquals("0", addonUnits.path("balance").asString(), p.toString());
        List<String> calls = new ArrayList<>();
        t.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=100").response().path("responseParam").path("events")
                .forEach(e -> calls.add(e.path("call").asString()));
        assertTrue(calls.containsAll(List.of("UpdateThreshold", "UsageCounter", "Rating")), calls.toString());

        // an OEM endpoint in Active-Test: not supported
        Tenant oem = fx.enterprise(1, "oemEnabled", true);
        long test = Fixtures.endpoint(oem, oem.iccids().get(0), true);
        update(oem, test, null, counterId, "0", "4").expect("3006");
    }

    @Test
    void subscribeAddonAndGetEndpointAddonDetailsAnswerTheDocumentedCodes() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(1);
        String addon = Fixtures.uniqueName("ADD");
        fx.plan(t, addon, "category", "ADDON", "validityDays", 10, "benefits", List.of(map("type", "DATA", "amount", 5)),
                "counters", List.of(map("name", "Daily_DATA", "thresholdValue", 3, "thresholdUnit", "MB", "action", "THROTTLE_512Kbps",
                        "frequency", "Daily", "service", "DATA")));
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        t.api().get("/api/GetEndpointAddonDetails?endPointId=" + ep).expect("10257").expectDescription("Addon Not available");

        Resp ok = subscribe(t, ep, addon, List.of(map("id", "2", "balance", "4"))).expect("1171")
                .expectDescription("Addon subscription success");
        JsonNode info = ok.json().path("Response").path("info");
        String uniqueId = info.path("promotionalPlans").path("plan").get(0).path("uniqueId").asString();
        assertTrue(uniqueId.matches("\\d+"), info.toString());
        assertEquals(addon, info.path("promotionalPlans").path("plan").get(0).path("planId").asString());
        JsonNode benefit = info.path("benefitInfo").path("benefit").get(0);
        assertEquals(Long.toString(4 * MB), benefit.path("balance").asString(), "the adjusted balance, in bytes");
        assertEquals("ADDON-ACCOUNT (FREE)", benefit.path("type").asString());
        assertEquals(Long.toString(3 * MB), info.path("counter").get(0).path("limit").asString());
        assertEquals("THROTTLE_512Kbps", info.path("counter").get(0).path("action").asString());

        subscribe(t, ep, addon, List.of(map("id", "DATA", "balance", "2"))).expect("10260");
        subscribe(t, ep, addon, List.of(map("id", "DATA", "balance", "6"))).expect("1001");
        subscribe(t, ep, addon, List.of(map("id", "77", "balance", "1"))).expect("1001");
        subscribe(t, ep, "NOSUCHPLAN", List.of()).expect("1172");
        subscribe(t, ep, t.postPlan(), List.of()).expect("1172");
        subscribe(t, 99999999999L, addon, List.of()).expect("1172");
        t.api().post("/api/SubscribeAddon", map("Request", map("requestParam", map("endPointId", ep)))).expect("1000");

        JsonNode details = t.api().get("/api/GetEndpointAddonDetails?endPointId=" + ep).expect("10255").json().path("Response").path("info");
        assertEquals(Long.toString(ep), details.path("endpointId").asString());
        JsonNode plan = details.path("promotionalPlans").path("plan").get(0);
        assertEquals(uniqueId, plan.path("uniqueId").asString());
        assertEquals(Long.toString(4 * MB), plan.path("benefit").get(0).path("balance").asString());
        assertEquals("Daily_DATA", plan.path("counter").get(0).path("counterName").asString());
        t.api().get("/api/GetEndpointAddonDetails?endPointId=" + ep + "&addonId=" + addon).expect("10255");
        t.api().get("/api/GetEndpointAddonDetails?endPointId=" + ep + "&uniqueId=" + uniqueId).expect("10255");
        t.api().get("/api/GetEndpointAddonDetails?endPointId=" + ep + "&addonId=OTHER").expect("10257");
        t.api().get("/api/GetEndpointAddonDetails?endPointId=99999999999").expect("1001");
        t.api().get("/api/GetEndpointAddonDetails").expect("1000");
    }

    @Autowired
    ValidityEnds validityEnds;

    @Test
    void anAddOnRenewsToItsFullValueOrExpiresAndACounterBarEndsWithItsPeriod() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(1);
        String renewing = Fixtures.uniqueName("REN"), once = Fixtures.uniqueName("ONCE");
        fx.plan(t, renewing, "category", "ADDON", "validityDays", 1, "benefits", List.of(map("type", "DATA", "amount", 5)),
                "counters", List.of(map("name", "Daily_DATA", "thresholdValue", 2, "action", "BAR_DATA", "frequency", "Daily")));
        fx.plan(t, once, "category", "ADDON", "validityDays", 1, "benefits", List.of(map("type", "SMS", "amount", 10)),
                "tariff", map("renews", false));
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        String ren = subscribe(t, ep, renewing, List.of(map("id", "DATA", "balance", "3"))).expect("1171").json().path("Response")
                .path("info").path("promotionalPlans").path("plan").get(0).path("uniqueId").asString();
        subscribe(t, ep, once, List.of()).expect("1171");
        String imsi = Fixtures.imsi(t.iccids().get(0));
        clock.advance(Duration.ofMinutes(1));
        ingest(List.of(data("v-" + ep, imsi, clock.instant().minusSeconds(10), 0, 3 * MB)));
        assertEquals("DATA", profile(t, ep).path("basicInfo").path("barredServices").asString(), "the daily counter's bar");

        // a day and a bit later: the renewing add-on is full again (5 MB, not the adjusted 3), the other one expired,
        // and the counter's bar ended with its day
        clock.advance(Duration.ofHours(25));
        assertTrue(validityEnds.runOnce() >= 3);
        assertEquals(0, validityEnds.runOnce(), "nothing is ended twice");
        Tenant again = new Tenant(t.accountId(), t.username(), anon().login(t.username(), "secret"), t.iccids());
        JsonNode plan = again.api().get("/api/GetEndpointAddonDetails?endPointId=" + ep).expect("10255").json().path("Response")
                .path("info").path("promotionalPlans").path("plan");
        assertEquals(1, plan.size(), plan.toString());
        assertEquals(ren, plan.get(0).path("uniqueId").asString());
        assertEquals(Long.toString(5 * MB), plan.get(0).path("benefit").get(0).path("balance").asString());
        again.api().get("/api/GetEndpointAddonDetails?endPointId=" + ep + "&addonId=" + once).expect("10257");
        assertEquals("-", profile(again, ep).path("basicInfo").path("barredServices").asString());
        List<String> details = new ArrayList<>();
        again.api().get("/api/GetEndpointEvents?endPointId=" + ep + "&perPage=100").response().path("responseParam").path("events")
                .forEach(e -> details.add(e.path("call").asString() + ":" + e.path("detail").asString()));
        assertTrue(details.stream().anyMatch(d -> d.startsWith("AddonRenewal:") && d.endsWith("renewed")), details.toString());
        assertTrue(details.stream().anyMatch(d -> d.startsWith("AddonExpiry:") && d.endsWith("expired")), details.toString());
        assertTrue(details.contains("Rating:DATA unbarred: COUNTER_PERIOD_ENDED"), details.toString());
    }

    Resp subscribe(Tenant t, long ep, String planId, List<Map<String, Object>> benefits) {
        return t.api().post("/api/SubscribeAddon", map("Request", map("requestParam",
                map("endPointId", String.valueOf(ep), "planId", planId, "benefit", benefits))));
    }

    @Test
    void dynamicBenefitsGiveFreeDataOwnOrPooledBeforeTheBasePlan() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(3);
        long rp = Long.parseLong(Fixtures.roamingProfile(t));
        String plan = Fixtures.uniqueName("DYN");
        fx.plan(t, plan, "tariff", map("prices", map("DATA", 1)));
        long own = fx.admin().post("/admin/accounts/" + t.accountId() + "/dynamic-benefits", map("name", "Own 5MB", "pooled", false,
                "roamingProfileIds", List.of(rp), "dataMb", 5, "autoRenewal", true)).json().path("id").asLong();
        long pool = fx.admin().post("/admin/accounts/" + t.accountId() + "/dynamic-benefits", map("name", "Pool 4MB", "pooled", true,
                "roamingProfileIds", List.of(rp), "dataMb", 4, "autoRenewal", true)).json().path("id").asLong();
        long a = Fixtures.endpoint(t, t.iccids().get(0), true, "planId", plan, "benefits", Long.toString(own));
        long b = Fixtures.endpoint(t, t.iccids().get(1), true, "planId", plan, "benefits", Long.toString(pool));
        long c = Fixtures.endpoint(t, t.iccids().get(2), true, "planId", plan, "benefits", Long.toString(pool));
        Instant at = first.plusDays(4).atTime(8, 0).toInstant(ZoneOffset.UTC);
        // 20601 (Proximus) is in the DEFAULT roaming profile: covered
        ingest(List.of(data("dA1-" + a, Fixtures.imsi(t.iccids().get(0)), at, 0, 3 * MB),
                data("dA2-" + a, Fixtures.imsi(t.iccids().get(0)), at.plusSeconds(60), 0, 3 * MB),
                data("dB-" + b, Fixtures.imsi(t.iccids().get(1)), at.plusSeconds(120), 0, 3 * MB),
                data("dC-" + c, Fixtures.imsi(t.iccids().get(2)), at.plusSeconds(180), 0, 3 * MB)));
        assertEquals("1.000", cost(t, a), "5 of 6 MB free from its own benefit");
        assertEquals("0.000", cost(t, b), "3 MB from the pool");
        assertEquals("2.000", cost(t, c), "the pool's last MB, then 2 MB at 1.000");
        JsonNode details = profile(t, a).path("benefitInfo").path("dynamicBenefitsDetails").get(0);
        assertEquals(Long.toString(own), details.path("dynamicBenefitsId").asString());
        assertEquals("2", details.path("category").asString());
        assertEquals("5", details.path("benefitList").get(0).path("value").asString());
        assertEquals("0", details.path("benefitList").get(0).path("balance").asString());
        assertEquals(4 * MB, (long) jdbc.sql("SELECT used FROM benefit_pool_usage WHERE account_id = :a AND benefit_id = :b")
                .param("a", t.accountId()).param("b", pool).query(Long.class).single());
    }

    String cost(Tenant t, long ep) {
        return statistics(t, ep, first, first.plusDays(27)).expect("2589").response().path("responseParam").path("dataTotalUsage")
                .path("totalCost").asString();
    }

    Resp update(Tenant t, long ep, String planId, String counterId, String uniqueId, String threshold) {
        Map<String, Object> rp = map("counterId", counterId, "uniqueId", uniqueId, "threshold", threshold);
        if (planId != null) rp.put("planId", planId);
        return t.api().post("/api/UpdateThreshold", map("Request", map("endPointId", String.valueOf(ep), "requestParam", rp)));
    }

    static String joined(List<String> l) {
        return l.stream().collect(Collectors.joining(","));
    }

    // --- portal-catalog: the account's daily aggregate (V23)

    @Test
    void theAccountsDailyAggregateIsTheSumOfItsEndpointsDailyAggregatesAndCountsARecordOnce() {
        atTheEndOfAMonth();
        Tenant t = fx.enterprise(2);
        long a = Fixtures.endpoint(t, t.iccids().get(0), true);
        long b = Fixtures.endpoint(t, t.iccids().get(1), true);
        String ia = Fixtures.imsi(t.iccids().get(0)), ib = Fixtures.imsi(t.iccids().get(1));
        List<Map<String, Object>> records = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            Instant at = first.plusDays(d).atTime(9, 0).toInstant(ZoneOffset.UTC);
            records.add(data("ad" + a + "-" + d, ia, at, MB, 2 * MB));
            records.add(data("bd" + b + "-" + d, ib, at.plusSeconds(30), 3 * MB, 0));
            records.add(sms("as" + a + "-" + d, ia, at.plusSeconds(60), "MO"));
            records.add(sms("bs" + b + "-" + d, ib, at.plusSeconds(90), "MT"));
        }
        assertEquals(12, ingest(records).json().path("accepted").asInt());
        // again, and one more record in a batch of its own: duplicates add nothing, the new one adds to its day
        assertEquals(12, ingest(records).json().path("duplicates").asInt());
        ingest(List.of(data("late" + a, ia, first.atTime(23, 0).toInstant(ZoneOffset.UTC), 0, MB)));

        String byDay = """
                SELECT day || ' ' || service || ' ' || uplink || ' ' || downlink || ' ' || count || ' ' || cost FROM %s
                WHERE account_id = :a ORDER BY day, service""";
        List<String> account = jdbc.sql(byDay.formatted("usage_account_daily")).param("a", t.accountId()).query(String.class).list();
        List<String> summed = jdbc.sql(byDay.formatted("""
                (SELECT account_id, day, service, sum(uplink) AS uplink, sum(downlink) AS downlink, sum(count) AS count,
                        sum(cost) AS cost FROM usage_daily GROUP BY account_id, day, service) s""")).param("a", t.accountId())
                .query(String.class).list();
        assertEquals(summed, account);
        assertEquals(9, account.size(), "3 days x DATA, SMS_MO, SMS_MT: " + account);
        assertTrue(account.get(0).startsWith(first + " DATA " + (4 * MB) + " " + (3 * MB) + " 0 "), account.get(0));
    }
}
