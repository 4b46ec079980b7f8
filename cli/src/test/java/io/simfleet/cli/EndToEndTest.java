package io.simfleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.Json;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The CLI against the real server: login and profiles, the required bulk provisioning of 1000 from a CSV, every command's output and exit code. */
class EndToEndTest {
    private static final TestServer SERVER = TestServer.shared();
    private static Fixtures fixtures;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() {
        fixtures = new Fixtures(SERVER);
    }

    private Cli loggedIn(Fixtures.Tenant t) {
        Cli cli = new Cli(dir.resolve("config"));
        Cli.Result login = cli.runWithInput(t.password() + "\n", "login", "--url", SERVER.baseUrl(), "--username", t.username(), "--password-stdin");
        assertEquals(0, login.exit(), login.toString());
        return cli;
    }

    @Test
    void bulkProvisioningOf1000FromACsvThenListingExactlyThoseEndpoints() throws Exception {
        Fixtures.Tenant t = fixtures.enterprise(1000);
        Cli cli = loggedIn(t);
        Path csv = dir.resolve("iccids.csv");
        Files.writeString(csv, "iccid,note\n" + t.iccids().stream().map(i -> i + ",batch 7").collect(Collectors.joining("\n")) + "\n");
        Path results = dir.resolve("results.csv");

        Cli.Result bulk = cli.run("bulk", "provision", "--csv", csv.toString(), "--name", "e2e", "--first-id", "1",
                "--results", results.toString(), "--progress", "bar");
        assertEquals(0, bulk.exit(), bulk.toString());
        assertTrue(bulk.err().contains("submitted job"), bulk.err());
        assertTrue(bulk.err().contains("provision") && bulk.err().contains("1000/1000"), "the progress bar ran to the end:\n" + bulk.err());
        assertTrue(bulk.err().contains("1000 done, 0 failed"), bulk.err());
        assertTrue(bulk.out().contains("Success"), bulk.out());

        Cli.Result list = cli.run("endpoints", "list", "--output", "csv");
        assertEquals(0, list.exit(), list.toString());
        List<String> lines = list.out().lines().collect(Collectors.toList());
        assertEquals("id,name,status,iccid,imsi,msisdn,imei,imeiLockStatus,tagIds", lines.get(0));
        List<List<String>> rows = lines.subList(1, lines.size()).stream().map(Output::parseCsvLine).collect(Collectors.toList());
        assertEquals(1000, rows.size(), "exactly the endpoints provisioned");
        assertEquals(new HashSet<>(t.iccids()), rows.stream().map(r -> r.get(3)).collect(Collectors.toSet()), "one per ICCID of the CSV");
        assertTrue(rows.stream().allMatch(r -> r.get(2).equals("PA")), "Pre-Active without --activate");
        Set<String> names = rows.stream().map(r -> r.get(1)).collect(Collectors.toSet());
        assertEquals(1000, names.size());
        assertTrue(names.contains("e2e_1") && names.contains("e2e_1000"), "named e2e_1 … e2e_1000");

        List<List<String>> res = Files.readAllLines(results).stream().skip(1).map(Output::parseCsvLine).collect(Collectors.toList());
        assertEquals(1000, res.size());
        assertEquals(t.iccids(), res.stream().map(r -> r.get(0)).collect(Collectors.toList()), "in the CSV's order");
        Set<String> ids = rows.stream().map(r -> r.get(0)).collect(Collectors.toSet());
        assertEquals(ids, res.stream().map(r -> r.get(1)).collect(Collectors.toSet()), "each ICCID with its endpoint id");
        assertTrue(res.stream().allMatch(r -> r.get(5).equals("Success")));

        Cli.Result table = cli.run("endpoints", "list", "--limit", "3");
        List<String> tl = table.out().lines().collect(Collectors.toList());
        assertEquals(4, tl.size(), table.out());
        assertTrue(tl.get(0).startsWith("id ") && tl.get(0).contains("  name"), "an aligned table: " + tl.get(0));
        assertEquals(tl.get(0).indexOf("status"), tl.get(1).indexOf("PA"), "columns line up");
    }

    @Test
    void loginKeepsTheTokensOwnerOnlyAndProfilesKeepServersApart() throws Exception {
        Fixtures.Tenant t = fixtures.enterprise(0);
        Cli cli = loggedIn(t);
        Path profile = cli.configDir().resolve("profiles/default.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.getParent())));
        JsonNode saved = Json.MAPPER.readTree(Files.readString(profile));
        assertEquals(t.username(), saved.path("username").asString());
        assertEquals(t.accountId(), saved.path("accountId").asString());
        assertFalse(Files.readString(profile).contains(t.password()), "never the password");

        Cli.Result demo = cli.runWithInput("customer\n", "login", "--profile", "demo", "--url", SERVER.baseUrl(),
                "-u", "customer", "--password-stdin");
        assertEquals(0, demo.exit(), demo.toString());
        assertTrue(demo.out().contains("account 41078552"), demo.out());
        assertTrue(cli.run("catalog", "apn", "--profile", "demo").out().contains("PDP_1108"));
        assertFalse(cli.run("catalog", "apn").out().contains("PDP_1108"), "the default profile is the other account");
        assertTrue(cli.env("SIMFLEET_PROFILE", "demo").run("catalog", "apn").out().contains("PDP_1108"));

        // an expired access token is refreshed, and the new pair is written back
        String before = Json.MAPPER.readTree(Files.readString(profile)).path("accessToken").asString();
        Files.writeString(profile, Files.readString(profile).replace(before, "expired-token"));
        Cli fresh = new Cli(cli.configDir());
        assertEquals(0, fresh.run("catalog", "tags").exit());
        String after = Json.MAPPER.readTree(Files.readString(profile)).path("accessToken").asString();
        assertNotEquals("expired-token", after);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile)), "still owner-only");

        Cli.Result wrong = new Cli(dir.resolve("other")).runWithInput("not-it\n", "login", "--url", SERVER.baseUrl(), "-u", "nobody", "--password-stdin");
        assertEquals(ExitCodes.AUTH, wrong.exit(), wrong.toString());
        assertTrue(wrong.err().contains("error: 10126 Invalid username or password"), wrong.err());
        assertEquals(0, cli.run("logout", "--profile", "demo").exit());
        assertEquals(ExitCodes.AUTH, cli.run("catalog", "apn", "--profile", "demo").exit());
    }

    @Test
    void anEndpointThroughEveryEndpointsCommand() throws Exception {
        Fixtures.Tenant t = fixtures.enterprise(2);
        Cli cli = loggedIn(t);
        Cli.Result created = cli.run("endpoints", "create", "--name", "Meter 1", "--output", "json");
        assertEquals(0, created.exit(), created.toString());
        assertTrue(created.err().contains("using APN group"), "the defaults chosen are said: " + created.err());
        JsonNode c = Json.MAPPER.readTree(created.out());
        String id = c.path("endPointId").asString();
        assertEquals("6411", c.path("resultCode").asString());

        Cli.Result link = cli.run("endpoints", "link", id, t.iccids().get(0));
        assertEquals(0, link.exit(), link.toString());
        assertTrue(link.out().contains("(6409 Link SIM success)"), link.out());
        assertEquals(0, cli.run("endpoints", "activate", id).exit());
        Cli.Result suspend = cli.run("endpoints", "suspend", id, "--reason", "1");
        assertEquals("Endpoint " + id + ": A -> S (5017 Lifecycle change success)", suspend.out().trim());
        Cli.Result again = cli.run("endpoints", "suspend", id);
        assertEquals(ExitCodes.REFUSED, again.exit());
        assertTrue(again.err().startsWith("error: 1254 You are currently in same lifecycle"), again.err());
        assertEquals("", again.out());
        assertEquals(0, cli.run("endpoints", "resume", id).exit());

        Cli.Result get = cli.run("endpoints", "get", id);
        assertTrue(get.out().lines().anyMatch(l -> l.matches("endPointId\\s+" + id)), get.out());
        assertTrue(get.out().lines().anyMatch(l -> l.matches("iccid\\s+" + t.iccids().get(0))), get.out());
        JsonNode profile = Json.MAPPER.readTree(cli.run("endpoints", "get", id, "-o", "json").out());
        assertEquals("A", profile.path("basicInfo").path("currentStatus").asString());

        assertEquals(ExitCodes.REFUSED, cli.run("endpoints", "delete", id).exit(), "10158 while a SIM is linked");
        assertEquals(0, cli.run("endpoints", "delink", id).exit());
        assertEquals(0, cli.run("endpoints", "delete", id).exit());
        Cli.Result gone = cli.run("endpoints", "get", id);
        assertEquals(ExitCodes.NOT_FOUND, gone.exit());
        assertTrue(gone.err().contains("error: 1083"), gone.err());

        Cli.Result events = cli.run("endpoints", "events", id, "--output", "csv");
        List<String> calls = events.out().lines().skip(1).map(l -> Output.parseCsvLine(l).get(2)).collect(Collectors.toList());
        assertTrue(calls.size() >= 7, events.out());
        String firstEvent = Output.parseCsvLine(events.out().lines().skip(1).findFirst().orElseThrow()).get(0);
        assertEquals(calls.size() - 1, cli.run("endpoints", "events", id, "--after", firstEvent, "-o", "csv").out().lines().count() - 1);

        Cli.Result both = cli.run("endpoints", "create", "--name", "Meter 2", "--iccid", t.iccids().get(1), "--activate");
        assertTrue(both.out().contains("5014"), both.out());
    }

    @Test
    void simsCatalogAndBulkModify() throws Exception {
        Fixtures.Tenant t = fixtures.enterprise(6);
        Cli cli = loggedIn(t);
        JsonNode sims = Json.MAPPER.readTree(cli.run("sims", "list", "--output", "json").out());
        assertEquals(6, sims.size());
        assertEquals(t.iccids().get(0), sims.get(0).path("iccid").asString());
        Cli.Result ranges = cli.run("sims", "ranges", "-o", "csv");
        assertEquals("iccidRange,quantity,simStatus", ranges.out().lines().findFirst().orElseThrow());
        assertTrue(ranges.out().contains(t.iccids().get(0) + "-" + t.iccids().get(5) + ",6,"), ranges.out());
        String plan = "DEFAULTPOST" + t.accountId();
        assertTrue(cli.run("catalog", "plans", "--category", "base", "--type", "1").out().contains(plan));
        assertFalse(cli.run("catalog", "plans", "--category", "ADDON").out().contains(plan));
        assertTrue(cli.run("catalog", "roaming").out().contains("DEFAULT"));
        assertEquals(ExitCodes.NOT_FOUND, cli.run("catalog", "roaming", "--id", "99999999").exit());

        Cli.Result bulk = cli.run("bulk", "provision", "--start", t.iccids().get(0), "--quantity", "4", "--name", "mod", "--activate",
                "--progress", "lines");
        assertEquals(0, bulk.exit(), bulk.toString());
        assertTrue(bulk.err().contains(": Success 4/4"), "a line per change without a terminal: " + bulk.err());
        List<String> ids = cli.run("endpoints", "list", "-o", "csv").out().lines().skip(1).map(l -> Output.parseCsvLine(l).get(0))
                .collect(Collectors.toList());
        assertEquals(4, ids.size());

        Path results = dir.resolve("modify.csv");
        Cli.Result modify = cli.run("bulk", "modify", "--values", String.join(",", ids) + ",999999999", "--set", "bar_DATA=true",
                "--imei-lock", "lock", "--results", results.toString(), "--progress", "none");
        assertEquals(ExitCodes.JOB_FAILED, modify.exit(), "one value unknown: Partial\n" + modify);
        assertTrue(modify.out().contains("Partial"), modify.out());
        List<List<String>> items = Files.readAllLines(results).stream().skip(1).map(Output::parseCsvLine).collect(Collectors.toList());
        assertEquals(5, items.size());
        assertEquals(List.of("10068", "10068", "10068", "10068", "10069"), items.stream().map(r -> r.get(1)).collect(Collectors.toList()));
        String job = items.get(0).get(3);
        JsonNode status = Json.MAPPER.readTree(cli.run("bulk", "status", job, "-o", "json").out());
        assertEquals("Partial", status.path("status").asString());
        assertEquals(5, status.path("items").size());
        assertTrue(cli.run("endpoints", "get", ids.get(0)).out().contains("DATA"), "barred");

        Cli.Result noWait = cli.run("bulk", "modify", "--type", "iccid", "--values", t.iccids().get(0), "--unbar", "DATA", "--no-wait");
        assertEquals(0, noWait.exit(), noWait.toString());
        String job2 = noWait.out().lines().skip(1).findFirst().orElseThrow().trim();
        assertTrue(noWait.err().contains("simfleet bulk status " + job2 + " --wait"), noWait.err());
        Cli.Result waited = cli.run("bulk", "status", job2, "--wait", "--progress", "none");
        assertEquals(0, waited.exit(), waited.toString());
        assertTrue(waited.out().contains("Success"), waited.out());
    }

    @Test
    void networkAndServerFailuresHaveTheirOwnExitCodes() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli cli = new Cli(dir.resolve("c")).env("SIMFLEET_URL", "http://127.0.0.1:" + closed)
                .env("SIMFLEET_USERNAME", "customer").env("SIMFLEET_PASSWORD", "customer");
        Cli.Result r = cli.run("catalog", "apn");
        assertEquals(ExitCodes.NETWORK, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: ConnectException"), r.err());

        Cli env = new Cli(dir.resolve("d")).env("SIMFLEET_URL", SERVER.baseUrl()).env("SIMFLEET_USERNAME", "customer")
                .env("SIMFLEET_PASSWORD", "customer");
        Cli.Result ok = env.run("catalog", "apn", "-o", "csv");
        assertEquals(0, ok.exit(), "credentials from the environment, no profile: " + ok);
        assertTrue(ok.out().contains("PDP_1108"));
        assertFalse(Files.exists(dir.resolve("d")), "nothing saved");
    }
}
