package io.simfleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.Json;
import io.simfleet.client.SimfleetClient;
import io.simfleet.client.model.CreateEndpointRequest;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The usage and add-on commands against the real server: an operator ingests a CSV file that the
 * customer then reads with {@code simfleet usage}; add-ons, thresholds and credits on a fresh
 * enterprise. Output and exit codes as a script sees them.
 */
class UsageCliTest {
    private static final TestServer SERVER = TestServer.shared();
    private static final long MB = 1024 * 1024;
    private static final String DEMO_ENDPOINT = "51368592";
    private static final String DEMO_IMSI = "206281000015190";
    private static Fixtures fixtures;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() {
        fixtures = new Fixtures(SERVER);
    }

    private Cli login(String name, String user, String password) {
        Cli cli = new Cli(dir.resolve(name));
        Cli.Result r = cli.runWithInput(password + "\n", "login", "--url", SERVER.baseUrl(), "--username", user, "--password-stdin");
        assertEquals(0, r.exit(), r.toString());
        return cli;
    }

    private static LocalDate day(int daysAgo) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo);
    }

    private static Instant at(int daysAgo, int hour) {
        return day(daysAgo).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static String yyyymmdd(LocalDate d) {
        return d.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Test
    void anOperatorIngestsACsvFileAndTheCustomerSeesItWithSimfleetUsage() throws Exception {
        Cli operator = login("operator", "admin", "admin");
        Cli customer = login("customer", "customer", "customer");
        String p = Fixtures.unique("cli-");
        Path csv = dir.resolve("cdr.csv");
        Files.writeString(csv, "recordId,type,direction,imsi,startTime,duration,uplinkBytes,downlinkBytes,visitedMccMnc\n"
                + p + "-1,DATA,," + DEMO_IMSI + "," + at(250, 9) + ",600," + MB + "," + 2 * MB + ",20601\n"
                + p + "-2,SMS,MO," + DEMO_IMSI + "," + at(250, 10) + ",,,,20601\n"
                + p + "-3,DATA,," + DEMO_IMSI + "," + at(249, 9) + ",600,0," + MB / 2 + ",20601\n"
                + p + "-4,DATA,,999990000000001," + at(249, 9) + ",600,1,1,20601\n");

        Cli.Result ingest = operator.run("usage", "ingest", csv.toString());
        assertEquals(ExitCodes.JOB_FAILED, ingest.exit(), "one record refused: " + ingest);
        assertTrue(ingest.err().contains("4 received: 3 accepted, 0 duplicates, 1 refused"), ingest.err());
        List<String> lines = ingest.out().lines().collect(Collectors.toList());
        assertTrue(lines.contains("accepted    3"), ingest.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("3\\s+" + Pattern.quote(p) + "-4\\s+imsi: unknown")), ingest.out());

        Cli.Result again = operator.run("usage", "ingest", csv.toString(), "--output", "json");
        JsonNode json = Json.MAPPER.readTree(again.out());
        assertEquals(0, json.path("accepted").asInt(), again.toString());
        assertEquals(3, json.path("duplicates").asInt(), "sent twice, stored once");

        Cli.Result table = customer.run("usage", DEMO_ENDPOINT, "--from", yyyymmdd(day(250)), "--to", yyyymmdd(day(249)));
        assertEquals(0, table.exit(), table.toString());
        List<String> rows = table.out().lines().collect(Collectors.toList());
        assertEquals(6, rows.size(), table.out());
        assertTrue(rows.get(0).matches("date\\s+serviceName\\s+uplink\\s+downlink\\s+totalVolume\\s+totalCount\\s+totalCost"), rows.get(0));
        String d250 = day(250).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), d249 = day(249).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertTrue(rows.get(1).matches(Pattern.quote(d250) + "\\s+DATA\\s+1\\.000\\s+2\\.000\\s+3\\.000\\s+\\d+\\.\\d{3}"), rows.get(1));
        assertTrue(rows.get(2).matches(Pattern.quote(d250) + "\\s+SMS_MO\\s+1\\s+\\d+\\.\\d{3}"), rows.get(2));
        assertTrue(rows.get(3).matches(Pattern.quote(d249) + "\\s+DATA\\s+0\\.000\\s+0\\.500\\s+0\\.500\\s+\\d+\\.\\d{3}"), rows.get(3));
        assertTrue(rows.get(4).matches("total\\s+DATA\\s+1\\.000\\s+2\\.500\\s+3\\.500\\s+\\d+\\.\\d{3}"), rows.get(4));
        assertTrue(rows.get(5).matches("total\\s+SMS_MO\\s+1\\s+\\d+\\.\\d{3}"), rows.get(5));
        assertEquals(rows.get(0).indexOf("serviceName"), rows.get(1).indexOf("DATA"), "columns line up");

        Cli.Result csvOut = customer.run("usage", DEMO_ENDPOINT, "--from", yyyymmdd(day(250)), "--to", yyyymmdd(day(249)), "-o", "csv");
        List<List<String>> cells = csvOut.out().lines().map(Output::parseCsvLine).collect(Collectors.toList());
        assertEquals(List.of("date", "serviceName", "uplink", "downlink", "totalVolume", "totalCount", "totalCost"), cells.get(0));
        assertEquals(4, cells.size(), "the day rows only: " + csvOut.out());
        assertEquals(List.of(d250, "SMS_MO", "", "", "", "1"), cells.get(2).subList(0, 6));

        Cli.Result jsonOut = customer.run("usage", DEMO_ENDPOINT, "--from", yyyymmdd(day(250)), "--to", yyyymmdd(day(249)), "-o", "json");
        JsonNode stats = Json.MAPPER.readTree(jsonOut.out());
        assertEquals("3.500", stats.path("dataTotalUsage").path("totalVolume").asString(), jsonOut.out());
        assertEquals(2, stats.path("dataUsage").size());
        assertEquals("1", stats.path("smsTotalUsage").get(0).path("totalCount").asString());

        Cli.Result none = customer.run("usage", DEMO_ENDPOINT, "--from", yyyymmdd(day(300)), "--to", yyyymmdd(day(290)));
        assertEquals(0, none.exit(), none.toString());
        assertEquals("", none.out());
        assertTrue(none.err().contains("no usage of endpoint " + DEMO_ENDPOINT), none.err());

        // a JSON stream on standard input
        String stdin = "{\"records\": [{\"recordId\": \"" + p + "-5\", \"type\": \"NBIOT\", \"imsi\": \"" + DEMO_IMSI + "\", \"startTime\": \""
                + at(249, 15) + "\", \"uplinkBytes\": " + MB + ", \"downlinkBytes\": 0}]}";
        Cli.Result piped = operator.runWithInput(stdin, "usage", "ingest", "-", "--format", "json");
        assertEquals(0, piped.exit(), piped.toString());
        assertTrue(piped.err().contains("1 received: 1 accepted"), piped.err());
        assertTrue(customer.run("usage", DEMO_ENDPOINT, "--from", yyyymmdd(day(249)), "--to", yyyymmdd(day(249))).out()
                .lines().anyMatch(l -> l.matches("total\\s+NBIOT\\s+1\\.000\\s+0\\.000\\s+1\\.000.*")));

        // wrong command lines, and a customer is no operator
        assertEquals(ExitCodes.USAGE, customer.run("usage", DEMO_ENDPOINT, "--from", "2026-01-01").exit());
        assertEquals(ExitCodes.USAGE, customer.run("usage", DEMO_ENDPOINT, "--from", "20260231").exit(), "no 31 February");
        assertEquals(ExitCodes.USAGE, customer.run("usage", DEMO_ENDPOINT, "--to", "20260101").exit());
        assertEquals(ExitCodes.USAGE, customer.run("usage", DEMO_ENDPOINT, "--from", "20260105", "--to", "20260101").exit());
        assertEquals(ExitCodes.USAGE, operator.run("usage", "ingest", dir.resolve("missing.csv").toString()).exit());
        Path txt = Files.writeString(dir.resolve("cdr.txt"), "recordId\n");
        Cli.Result noFormat = operator.run("usage", "ingest", txt.toString());
        assertEquals(ExitCodes.USAGE, noFormat.exit());
        assertTrue(noFormat.err().contains("--format csv"), noFormat.err());
        Cli.Result notOperator = customer.run("usage", "ingest", csv.toString());
        assertEquals(ExitCodes.AUTH, notOperator.exit(), notOperator.toString());
        Cli.Result otherAccount = customer.run("usage", "99999999999", "--from", yyyymmdd(day(3)));
        assertEquals(ExitCodes.REFUSED, otherAccount.exit(), otherAccount.toString());
    }

    @Test
    void addOnsThresholdsAndCreditsFromTheCommandLine() throws Exception {
        Fixtures.Tenant t = fixtures.enterprise(2);
        String addon = Fixtures.unique("ADD"), prepaid = Fixtures.unique("PRE");
        fixtures.plan(t, addon, Map.of("category", "ADDON", "benefits", List.of(Map.of("type", "DATA", "amount", 5)),
                "counters", List.of(Map.of("name", "Daily_DATA", "thresholdValue", 3, "thresholdUnit", "MB", "action", "NOTIFY",
                        "frequency", "Daily", "service", "DATA"))));
        fixtures.plan(t, prepaid, Map.of("planType", "PREPAID", "tariff", Map.of("initialBalance", new BigDecimal("0.05"))));
        SimfleetClient sft = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
        String ep = create(sft, t, "DEFAULTPOST" + t.accountId(), t.iccids().get(0));
        String pre = create(sft, t, prepaid, t.iccids().get(1));
        Cli cli = login("tenant", t.username(), t.password());

        Cli.Result none = cli.run("endpoints", "addons", ep);
        assertEquals(0, none.exit(), none.toString());
        assertEquals("", none.out());
        assertTrue(none.err().contains("holds no add-on"), none.err());

        Cli.Result sub = cli.run("endpoints", "subscribe-addon", ep, addon, "--benefit", "DATA=4");
        assertEquals(0, sub.exit(), sub.toString());
        Matcher m = Pattern.compile("Subscribed endpoint " + ep + " to add-on " + addon + ", uniqueId (\\d+) \\(1171 Addon subscription success\\)")
                .matcher(sub.out());
        assertTrue(m.find(), sub.out());
        String uniqueId = m.group(1);
        assertTrue(sub.out().contains("benefit: DATA 4.000/"), sub.out());

        Cli.Result below = cli.run("endpoints", "subscribe-addon", ep, addon, "--benefit", "DATA=2");
        assertEquals(ExitCodes.REFUSED, below.exit(), below.toString());
        assertTrue(below.err().contains("error: 10260"), below.err());
        assertEquals(ExitCodes.USAGE, cli.run("endpoints", "subscribe-addon", ep, addon, "--benefit", "DATA=lots").exit());

        Cli.Result csv = cli.run("endpoints", "addons", ep, "--output", "csv");
        List<List<String>> rows = csv.out().lines().map(Output::parseCsvLine).collect(Collectors.toList());
        assertEquals(List.of("planId", "planName", "uniqueId", "planStartDate", "planExpiryDate", "benefit", "counter"), rows.get(0));
        assertEquals(2, rows.size(), csv.out());
        assertEquals(addon, rows.get(1).get(0));
        assertEquals(uniqueId, rows.get(1).get(2));
        assertTrue(rows.get(1).get(5).startsWith("DATA 4.000/"), rows.get(1).toString());
        String counterId = rows.get(1).get(6).split(" ")[0];
        assertTrue(counterId.startsWith("C_Daily_"), rows.get(1).toString());
        assertTrue(rows.get(1).get(6).contains("Daily_DATA 0.000/3 MB NOTIFY"), rows.get(1).toString());

        Cli.Result threshold = cli.run("endpoints", "threshold", ep, "--counter", counterId, "--unique-id", uniqueId, "--mb", "4");
        assertEquals(0, threshold.exit(), threshold.toString());
        assertTrue(threshold.out().contains("set to 4 MB (3005 Update endpoint/customer success)"), threshold.out());
        JsonNode profile = Json.MAPPER.readTree(cli.run("endpoints", "get", ep, "--output", "json").out());
        assertEquals("4", profile.path("counter").get(0).path("thresholdValue").asString(), profile.toString());
        assertTrue(cli.run("endpoints", "get", ep).out().contains(counterId + " Daily_DATA 0.000/4 MB NOTIFY"));
        Cli.Result noCounter = cli.run("endpoints", "threshold", ep, "--counter", "C_Daily_9_CE_USAGE_VOLUME_4_5_1", "--unique-id", uniqueId, "--mb", "4");
        assertEquals(ExitCodes.NOT_FOUND, noCounter.exit(), noCounter.toString());
        assertTrue(noCounter.err().contains("6721 No counter exists"), noCounter.err());

        Cli operator = login("operator", "admin", "admin");
        Cli.Result credit = operator.run("usage", "credit", "--account", t.accountId(), "--endpoint", pre, "--amount", "1.00");
        assertEquals(0, credit.exit(), credit.toString());
        assertTrue(credit.out().contains("Credited 1.00 to endpoint " + pre + " (account " + t.accountId() + "): balance 1.05"), credit.out());
        JsonNode credited = Json.MAPPER.readTree(operator.run("usage", "credit", "--account", t.accountId(), "--endpoint", pre,
                "--amount", "0.95", "--output", "json").out());
        assertEquals(0, new BigDecimal("2.00").compareTo(credited.path("balance").decimalValue()), credited.toString());
        assertEquals("200", sft.getEndpointProfile(pre).basicInfo().maBalance());
        assertEquals(ExitCodes.REFUSED, operator.run("usage", "credit", "--account", t.accountId(), "--endpoint", ep, "--amount", "1").exit(),
                "a postpaid endpoint");
        assertEquals(ExitCodes.USAGE, operator.run("usage", "credit", "--account", t.accountId(), "--endpoint", pre).exit(), "no --amount");
        assertEquals(ExitCodes.AUTH, cli.run("usage", "credit", "--account", t.accountId(), "--endpoint", pre, "--amount", "1").exit());
    }

    private static String create(SimfleetClient sft, Fixtures.Tenant t, String planId, String iccid) {
        return sft.createEndpoint(CreateEndpointRequest.builder().name("Cli " + iccid.substring(iccid.length() - 6))
                .apnGroupId(sft.fetchApnGroup().get(0).apnGroupId()).planId(planId)
                .roamingProfileId(sft.queryRatePlan("NORMAL", "1").get(0).basicInfo().destGroupId().split(",")[0])
                .iccid(iccid).activate(true).build()).endPointId();
    }
}
