package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.model.AddonDetails;
import io.simfleet.client.model.AddonPlan;
import io.simfleet.client.model.AddonSubscription;
import io.simfleet.client.model.BenefitAdjustment;
import io.simfleet.client.model.CreateEndpointRequest;
import io.simfleet.client.model.EndpointCounter;
import io.simfleet.client.model.EndpointCredit;
import io.simfleet.client.model.EndpointProfile;
import io.simfleet.client.model.IngestionResult;
import io.simfleet.client.model.SmsUsage;
import io.simfleet.client.model.Statistics;
import io.simfleet.client.model.ThresholdUpdate;
import io.simfleet.client.model.UsageFormat;
import io.simfleet.client.model.UsageRecord;
import io.simfleet.client.model.VolumeUsage;
import io.simfleet.client.testing.FaultProxy;
import io.simfleet.client.testing.FaultProxy.Fault;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage ingestion (operator API) and GetStatistics, SubscribeAddon, GetEndpointAddonDetails,
 * UpdateThreshold and credits through the SDK, against the real server; the demo endpoint 51368592
 * (IMSI 206281000015190) for usage, fresh enterprises for add-ons and credits. Each test uses days
 * of its own, so the daily aggregates it reads are its own records' only.
 */
class UsageAndAddonsTest {
    private static final TestServer SERVER = TestServer.shared();
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5));
    private static final long MB = 1024 * 1024;
    private static final String DEMO_ENDPOINT = "51368592";
    private static final String DEMO_IMSI = "206281000015190";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static Fixtures fixtures;
    private static SimfleetClient admin;
    private static SimfleetClient customer;

    @TempDir
    Path dir;

    @BeforeAll
    static void clients() {
        fixtures = new Fixtures(SERVER);
        admin = SimfleetClient.builder(SERVER.baseUrl()).credentials(Credentials.of("admin", "admin")).build();
        customer = SimfleetClient.builder(SERVER.baseUrl()).credentials(Credentials.of("customer", "customer")).build();
    }

    /** {@code daysAgo} days before today (UTC) at {@code hour}:00 UTC: within the 400 days the server takes, never in the future. */
    private static Instant at(int daysAgo, int hour) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static LocalDate day(int daysAgo) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo);
    }

    @Test
    void recordsIngestedAsJsonAreReadBackByGetStatisticsOnceEvenWhenSentTwice() {
        String p = Fixtures.unique("sdk-json-");
        List<UsageRecord> records = List.of(
                UsageRecord.data(p + "-1", DEMO_IMSI, at(200, 10), MB, 2 * MB).withDuration(600).withVisitedMccMnc("20601").withRat("LTE"),
                UsageRecord.data(p + "-2", DEMO_IMSI, at(200, 14), MB / 2, MB / 2),
                UsageRecord.sms(p + "-3", DEMO_IMSI, at(200, 11), "MO"),
                UsageRecord.data(p + "-4", DEMO_IMSI, at(199, 12), 0, 3 * MB).withApn("bicsapn"),
                UsageRecord.data(p + "-5", "999990000000001", at(199, 12), 1, 1));

        IngestionResult first = admin.operator().ingestUsage(records);
        assertEquals(5, first.received());
        assertEquals(4, first.accepted(), first.toString());
        assertEquals(0, first.duplicates());
        assertEquals(1, first.refused());
        assertEquals(4, first.refusals().get(0).index());
        assertEquals(p + "-5", first.refusals().get(0).recordId());
        assertEquals("imsi: unknown", first.refusals().get(0).reason());

        IngestionResult again = admin.operator().ingestUsage(records);
        assertEquals(0, again.accepted());
        assertEquals(4, again.duplicates(), "idempotent by record id");

        Statistics s = customer.getStatistics(DEMO_ENDPOINT, day(200), day(199));
        assertTrue(s.hasUsage());
        assertEquals(2, s.dataUsage().size(), s.toString());
        VolumeUsage d1 = s.dataUsage().get(0);
        assertEquals(DAY.format(day(200)), d1.date());
        assertEquals("1.500", d1.uplink());
        assertEquals("2.500", d1.downlink());
        assertEquals("4.000", d1.totalVolume());
        assertEquals("3.000", s.dataUsage().get(1).totalVolume());
        assertEquals("7.000", s.dataTotalUsage().totalVolume());
        assertEquals(null, s.dataTotalUsage().date());
        assertEquals(1, s.smsUsage().size());
        SmsUsage sms = s.smsUsage().get(0);
        assertEquals("SMS_MO", sms.serviceName());
        assertEquals(1, sms.totalCount());
        assertEquals(1, s.smsTotalUsage().get(0).totalCount());
        assertTrue(s.nbiotUsage().isEmpty(), "only services with usage");
        assertEquals(null, s.nbiotTotalUsage());
        assertTrue(s.dataTotalUsage().totalCost().matches("\\d+\\.\\d{3}"), s.dataTotalUsage().totalCost());

        // the same through the wire's YYYYMMDD strings
        assertEquals(s, customer.getStatistics(DEMO_ENDPOINT, day(200).format(DateTimeFormatter.BASIC_ISO_DATE),
                day(199).format(DateTimeFormatter.BASIC_ISO_DATE)));

        // a range without usage is an empty answer (the wire's 1340), not an exception
        Statistics none = customer.getStatistics(DEMO_ENDPOINT, day(390), day(385));
        assertFalse(none.hasUsage());
        assertTrue(none.dataUsage().isEmpty() && none.smsUsage().isEmpty() && none.smsTotalUsage().isEmpty());
        // the wire's 1340 itself, through the untyped call, is a NotFoundException
        NotFoundException noRecord = assertThrows(NotFoundException.class, () -> customer.call("GET", "/api/GetStatistics",
                Map.of("endPointId", DEMO_ENDPOINT, "from_date", "20000101", "to_date", "20000102"), null, CallOptions.NONE));
        assertEquals(ResultCode.NO_RECORD_EXISTS, noRecord.resultCode());

        RefusedException backwards = assertThrows(RefusedException.class, () -> customer.getStatistics(DEMO_ENDPOINT, day(1), day(3)));
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, backwards.resultCode());
        assertTrue(backwards.description().contains("_date"), backwards.description());
        RefusedException unknown = assertThrows(RefusedException.class, () -> customer.getStatistics("99999999999", day(3), day(1)));
        assertEquals(SftException.Category.REFUSED, unknown.category(), "1001 endPointId, as the server answers it");
    }

    @Test
    void aCsvFileIsStreamedAndRetriedSafelyAfterALostAnswer() throws Exception {
        String p = Fixtures.unique("sdk-csv-");
        Path csv = dir.resolve("usage.csv");
        Files.writeString(csv, "recordId,type,direction,imsi,startTime,duration,uplinkBytes,downlinkBytes,visitedMccMnc\n"
                + p + "-1,DATA,," + DEMO_IMSI + "," + at(150, 9) + ",60," + MB + "," + MB + ",20601\n"
                + p + "-2,DATA,," + DEMO_IMSI + "," + at(150, 13) + ",60,0," + 2 * MB + ",20601\n"
                + p + "-3,SMS,MT," + DEMO_IMSI + "," + at(150, 15) + ",,,,20601\n");
        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            SimfleetClient viaProxy = SimfleetClient.builder(proxy.baseUrl()).credentials(Credentials.of("admin", "admin")).retryPolicy(FAST).build();
            viaProxy.login();
            proxy.fail("POST /admin/usage", Fault.RESET_AFTER, 1);
            IngestionResult r = viaProxy.operator().ingestUsage(csv, UsageFormat.CSV);
            assertEquals(2, proxy.forwarded("POST /admin/usage"), "the file was sent again after the lost answer");
            assertEquals(3, r.received());
            assertEquals(0, r.accepted(), "the first attempt stored them: the retry's answer counts them as duplicates");
            assertEquals(3, r.duplicates());
        }
        Statistics s = customer.getStatistics(DEMO_ENDPOINT, day(150), day(150));
        assertEquals("4.000", s.dataTotalUsage().totalVolume(), "each record once: " + s);
        assertEquals("SMS_MT", s.smsUsage().get(0).serviceName());
        assertEquals(1, s.smsUsage().get(0).totalCount());

        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> admin.operator().ingestUsage(dir.resolve("nope.csv"), UsageFormat.CSV));
        assertTrue(missing.getMessage().contains("nope.csv"), missing.getMessage());
        assertEquals(UsageFormat.CSV, UsageFormat.of(csv).orElseThrow());
        assertEquals(UsageFormat.JSON, UsageFormat.of(Path.of("x/USAGE.JSON")).orElseThrow());
        assertTrue(UsageFormat.of(Path.of("usage.txt")).isEmpty());
    }

    @Test
    void aStreamIsSentOnceAndNeverRetried() throws Exception {
        String p = Fixtures.unique("sdk-stream-");
        String json = "[" + Json.MAPPER.writeValueAsString(UsageRecord.data(p + "-1", DEMO_IMSI, at(120, 8), 5 * MB, 0)) + ","
                + Json.MAPPER.writeValueAsString(UsageRecord.data(p + "-2", DEMO_IMSI, at(120, 9), 0, 5 * MB)) + "]";
        IngestionResult r = admin.operator().ingestUsage(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), UsageFormat.JSON);
        assertEquals(2, r.accepted(), r.toString());
        assertEquals("10.000", customer.getStatistics(DEMO_ENDPOINT, day(120), day(120)).dataTotalUsage().totalVolume());

        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            SimfleetClient viaProxy = SimfleetClient.builder(proxy.baseUrl()).credentials(Credentials.of("admin", "admin")).retryPolicy(FAST).build();
            viaProxy.login();
            proxy.fail("POST /admin/usage", Fault.RESET_BEFORE, 1);
            NetworkException e = assertThrows(NetworkException.class, () -> viaProxy.operator().ingestUsage(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), UsageFormat.JSON));
            assertEquals(1, proxy.seen("POST /admin/usage"), "a stream cannot be sent again: " + proxy.seen());
            assertTrue(e.description().contains("stream"), e.description());
        }

        // the operator API's plain error body becomes the SDK's exceptions
        RefusedException notRecords = assertThrows(RefusedException.class, () -> admin.operator().ingestUsage(
                new ByteArrayInputStream("{\"records\": 5}".getBytes(StandardCharsets.UTF_8)), UsageFormat.JSON));
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, notRecords.resultCode());
        assertEquals(400, notRecords.httpStatus());
        assertEquals("POST /admin/usage", notRecords.operation());
        AuthException notOperator = assertThrows(AuthException.class, () -> customer.operator().ingestUsage(List.of()));
        assertEquals(403, notOperator.httpStatus());
    }

    @Test
    void aCreditRefillsAPrepaidEndpointOnceAndLiftsItsBar() throws Exception {
        Fixtures.Tenant t = fixtures.enterprise(2);
        SimfleetClient sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        String plan = Fixtures.unique("PRE");
        fixtures.plan(t, plan, Map.of("planType", "PREPAID",
                "tariff", Map.of("prices", Map.of("DATA", new BigDecimal("0.010")), "initialBalance", new BigDecimal("0.05"))));
        String ep = create(sft, t, plan, t.iccids().get(0));
        assertEquals("5", sft.getEndpointProfile(ep).basicInfo().maBalance(), "the plan's initial credit, in cents");
        assertEquals(1, admin.operator().ingestUsage(List.of(UsageRecord.data(Fixtures.unique("bar-"), Fixtures.imsi(t.iccids().get(0)),
                Instant.now().minusSeconds(600), 0, 10 * MB))).accepted());
        assertEquals("0", sft.getEndpointProfile(ep).basicInfo().maBalance());
        assertTrue(sft.getEndpointProfile(ep).basicInfo().barredServices().contains("DATA"));

        EndpointCredit credit = admin.operator().creditEndpoint(t.accountId(), ep, new BigDecimal("1.00"));
        assertEquals(Long.parseLong(t.accountId()), credit.accountId());
        assertEquals(Long.parseLong(ep), credit.endpointId());
        assertEquals(0, new BigDecimal("1.00").compareTo(credit.balance()), credit.toString());
        assertEquals("100", sft.getEndpointProfile(ep).basicInfo().maBalance());
        assertEquals("-", sft.getEndpointProfile(ep).basicInfo().barredServices());

        // a credit whose answer is lost is retried with its Idempotency-Key: credited once
        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            SimfleetClient viaProxy = SimfleetClient.builder(proxy.baseUrl()).credentials(Credentials.of("admin", "admin")).retryPolicy(FAST).build();
            viaProxy.login();
            proxy.fail("POST /admin/accounts/", Fault.RESET_AFTER, 1);
            EndpointCredit again = viaProxy.operator().creditEndpoint(t.accountId(), ep, new BigDecimal("0.50"));
            assertEquals(2, proxy.forwarded().stream().filter(l -> l.endsWith("/credit")).count(), proxy.forwarded().toString());
            assertEquals(0, new BigDecimal("1.50").compareTo(again.balance()), "not 2.00: " + again);
        }
        assertEquals("150", sft.getEndpointProfile(ep).basicInfo().maBalance());

        String postpaid = create(sft, t, "DEFAULTPOST" + t.accountId(), t.iccids().get(1));
        RefusedException refused = assertThrows(RefusedException.class,
                () -> admin.operator().creditEndpoint(t.accountId(), postpaid, BigDecimal.ONE));
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, refused.resultCode());
        assertEquals(SftException.Category.REFUSED, refused.category());
        NotFoundException noAccount = assertThrows(NotFoundException.class,
                () -> admin.operator().creditEndpoint("99999999", ep, BigDecimal.ONE));
        assertEquals(ResultCode.NO_DATA_AVAILABLE, noAccount.resultCode());
        assertThrows(AuthException.class, () -> sft.operator().creditEndpoint(t.accountId(), ep, BigDecimal.ONE));
    }

    @Test
    void anAddOnIsSubscribedReadBackAndItsCounterThresholdUpdated() throws Exception {
        Fixtures.Tenant t = fixtures.enterprise(1);
        SimfleetClient sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        String addon = Fixtures.unique("ADD");
        fixtures.plan(t, addon, addonPlan());
        String ep = create(sft, t, "DEFAULTPOST" + t.accountId(), t.iccids().get(0));
        assertTrue(sft.getEndpointAddonDetails(ep).plans().isEmpty(), "no add-on yet: the wire's 10257 as an empty list");
        assertEquals(ep, sft.getEndpointAddonDetails(ep).endpointId());

        AddonSubscription sub = sft.subscribeAddon(ep, addon, List.of(BenefitAdjustment.dataMb(4)));
        assertEquals(ResultCode.ADDON_SUBSCRIPTION_SUCCESS, sub.outcome().resultCode());
        assertEquals("Addon subscription success", sub.outcome().resultDescription());
        String uniqueId = sub.uniqueId();
        assertTrue(uniqueId.matches("\\d+"), sub.toString());
        assertEquals(addon, sub.promotionalPlans().plan().get(0).planId());
        assertEquals(Long.toString(4 * MB), sub.benefitInfo().benefit().get(0).balance(), "the adjusted balance, in bytes");
        assertEquals("ADDON-ACCOUNT (FREE)", sub.benefitInfo().benefit().get(0).type());
        assertEquals(uniqueId, sub.benefitInfo().benefit().get(0).uniqueId());
        EndpointCounter counter = sub.counter().get(0);
        assertEquals("Daily_DATA", counter.counterName());
        assertEquals(Long.toString(3 * MB), counter.limit());
        assertEquals("NOTIFY", counter.action());
        assertEquals(uniqueId, counter.addonUniqueId());

        RefusedException below = assertThrows(RefusedException.class, () -> sft.subscribeAddon(ep, addon, List.of(BenefitAdjustment.dataMb(2))));
        assertEquals(ResultCode.ADJUSTED_BALANCE_BELOW_COUNTER, below.resultCode());
        RefusedException noPlan = assertThrows(RefusedException.class, () -> sft.subscribeAddon(ep, "NOSUCHPLAN", List.of()));
        assertEquals(ResultCode.ADDON_SUBSCRIPTION_FAILURE, noPlan.resultCode());

        AddonDetails details = sft.getEndpointAddonDetails(ep);
        assertEquals(1, details.plans().size(), details.toString());
        AddonPlan held = details.plans().get(0);
        assertEquals(uniqueId, held.uniqueId());
        assertEquals(Long.toString(4 * MB), held.benefit().get(0).balance());
        assertEquals("Daily_DATA", held.counter().get(0).counterName());
        assertEquals(1, sft.getEndpointAddonDetails(ep, addon, null).plans().size());
        assertEquals(1, sft.getEndpointAddonDetails(ep, null, uniqueId).plans().size());
        assertTrue(sft.getEndpointAddonDetails(ep, "OTHER", null).plans().isEmpty());
        RefusedException notOurs = assertThrows(RefusedException.class, () -> sft.getEndpointAddonDetails("99999999999"));
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, notOurs.resultCode());

        Outcome updated = sft.updateThreshold(ep, ThresholdUpdate.of(counter.counterId(), uniqueId, 4).withPlanId(addon));
        assertEquals(ResultCode.UPDATE_THRESHOLD_SUCCESS, updated.resultCode());
        EndpointProfile profile = sft.getEndpointProfile(ep);
        EndpointCounter after = profile.counter().stream().filter(c -> uniqueId.equals(c.addonUniqueId())).findFirst().orElseThrow();
        assertEquals("4", after.thresholdValue());
        assertEquals("MB", after.thresholdUnit());
        assertEquals(Long.toString(4 * MB), after.limit());
        assertEquals(addon, after.addonPlanId());

        NotFoundException noCounter = assertThrows(NotFoundException.class,
                () -> sft.updateThreshold(ep, ThresholdUpdate.of("C_Daily_9_CE_USAGE_VOLUME_4_5_1", uniqueId, 4)));
        assertEquals(ResultCode.NO_COUNTER_EXISTS, noCounter.resultCode());
        RefusedException noEndpoint = assertThrows(RefusedException.class,
                () -> sft.updateThreshold("99999999999", ThresholdUpdate.of(counter.counterId(), uniqueId, 4)));
        assertEquals(ResultCode.UPDATE_THRESHOLD_FAILURE, noEndpoint.resultCode());
        RefusedException zero = assertThrows(RefusedException.class,
                () -> sft.updateThreshold(ep, ThresholdUpdate.of(counter.counterId(), uniqueId, 0)));
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, zero.resultCode());
    }

    @Test
    void subscribeAddonIsRetriedOnlyWithAnIdempotencyKey() throws Exception {
        Fixtures.Tenant t = fixtures.enterprise(1);
        String keyed = Fixtures.unique("ADDK"), unkeyed = Fixtures.unique("ADDU");
        fixtures.plan(t, keyed, addonPlan());
        fixtures.plan(t, unkeyed, addonPlan());
        SimfleetClient direct = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        String ep = create(direct, t, "DEFAULTPOST" + t.accountId(), t.iccids().get(0));
        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            SimfleetClient sft = SimfleetClient.builder(proxy.baseUrl()).credentials(t.credentials()).retryPolicy(FAST).build();
            sft.login();

            proxy.fail("POST /api/SubscribeAddon", Fault.RESET_AFTER, 1);
            AddonSubscription sub = sft.subscribeAddon(ep, keyed, List.of(), CallOptions.newIdempotencyKey());
            assertEquals(2, proxy.forwarded("POST /api/SubscribeAddon"));
            assertTrue(sub.outcome().replayed(), "the retry got the first answer back");
            assertEquals(ResultCode.ADDON_SUBSCRIPTION_SUCCESS, sub.outcome().resultCode());

            proxy.fail("POST /api/SubscribeAddon", Fault.RESET_AFTER, 1);
            NetworkException lost = assertThrows(NetworkException.class, () -> sft.subscribeAddon(ep, unkeyed, List.of()));
            assertEquals(3, proxy.forwarded("POST /api/SubscribeAddon"), "sent once, never again without a key");
            assertTrue(lost.description().contains("may or may not have been carried out"), lost.description());
        }
        List<String> held = new ArrayList<>();
        direct.getEndpointAddonDetails(ep).plans().forEach(pl -> held.add(pl.planId()));
        assertEquals(2, held.size(), "one subscription per call, the keyed one once: " + held);
        assertTrue(held.containsAll(List.of(keyed, unkeyed)), held.toString());
        assertNotEquals(held.get(0), held.get(1));
    }

    /** An add-on giving 5 MB with a daily data counter of 3 MB (numbers as JSON numbers: the operator API binds them strictly). */
    private static Map<String, Object> addonPlan() {
        return Map.of("category", "ADDON", "benefits", List.of(Map.of("type", "DATA", "amount", 5)),
                "counters", List.of(Map.of("name", "Daily_DATA", "thresholdValue", 3, "thresholdUnit", "MB", "action", "NOTIFY",
                        "frequency", "Daily", "service", "DATA")));
    }

    /** An active endpoint of the tenant on {@code planId} with the SIM {@code iccid}. */
    private static String create(SimfleetClient sft, Fixtures.Tenant t, String planId, String iccid) {
        return sft.createEndpoint(CreateEndpointRequest.builder().name("Usage " + iccid.substring(iccid.length() - 6))
                .apnGroupId(sft.fetchApnGroup().get(0).apnGroupId()).planId(planId)
                .roamingProfileId(sft.queryRatePlan("NORMAL", "1").get(0).basicInfo().destGroupId().split(",")[0])
                .iccid(iccid).activate(true).build()).endPointId();
    }
}
