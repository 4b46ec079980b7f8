package io.simfleet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SIMs page, bulk jobs and the operator pages over HTTP with real sessions: roles, CSRF, tenant isolation, exports. */
class PortalSimsTest extends ApiTestBase {
    static final List<String> ENTERPRISE_PAGES = List.of("/portal/sims", "/portal/sims/ready", "/portal/sims/export",
            "/portal/bulk/provision", "/portal/bulk/modify", "/portal/jobs");

    private PortalSession session() {
        return new PortalSession(Integer.parseInt(env.getRequiredProperty("local.server.port")));
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("").replaceFirst("^http://[^/]+", "");
    }

    @Test
    void simsListSearchPagesAndExportAreTheAccountsOwn() {
        Fixtures f = new Fixtures(anon());
        Tenant t = f.enterprise(60);
        PortalSession s = session().login(t.username(), "secret");
        String page = s.get("/portal/sims").body();
        assertTrue(page.contains("All SIMs | <span id=\"sim-total\">60</span>"), page);
        assertTrue(page.contains(t.iccids().get(0)) && !page.contains(t.iccids().get(59)), "50 a page, in ICCID order");
        String next = s.get("/portal/sims?after=" + t.iccids().get(49)).body();
        assertTrue(next.contains(t.iccids().get(50)) && next.contains(t.iccids().get(59)) && !next.contains(">" + t.iccids().get(49) + "<"));
        String byImsi = s.get("/portal/sims?q=" + Fixtures.imsi(t.iccids().get(7))).body();
        assertTrue(byImsi.contains(t.iccids().get(7)) && !byImsi.contains(t.iccids().get(8)), "search by IMSI");
        assertTrue(s.get("/portal/sims?state=ACTIVE").body().contains("No SIM matches"));
        assertTrue(s.get("/portal/sims/ready").body().contains(t.iccids().get(59)), "one range of 60");
        HttpResponse<String> csv = s.get("/portal/sims/export");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(61, csv.body().split("\r\n").length, csv.body());
        assertTrue(csv.body().startsWith("imsi,endpointId,endpointName,iccid,msisdn,simState,simProduct\r\n"));
        // another tenant sees none of them
        Tenant other = f.enterprise(0);
        PortalSession stranger = session().login(other.username(), "secret");
        assertTrue(stranger.get("/portal/sims?q=" + t.iccids().get(0)).body().contains("No SIM matches"));
        assertEquals("imsi,endpointId,endpointName,iccid,msisdn,simState,simProduct\r\n", stranger.get("/portal/sims/export").body());
    }

    @Test
    void bulkProvisioningRunsAsAJobWhosePageAndResultsAreTheAccountsOwn() throws Exception {
        Fixtures f = new Fixtures(anon());
        Tenant t = f.enterprise(5);
        PortalSession s = session().login(t.username(), "secret");
        assertEquals(403, s.post("/portal/bulk/provision", null, "name", "x").statusCode(), "CSRF token needed");
        HttpResponse<String> refused = s.post("/portal/bulk/provision", "/portal/bulk/provision", "name", "pb", "firstNameId", "1",
                "apnGroupId", Fixtures.apnGroup(t), "planId", t.postPlan(), "roamingProfileId", Fixtures.roamingProfile(t),
                "source", "range", "startIccid", t.iccids().get(0), "quantity", "0", "activate", "on");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("1001") && refused.body().contains("quantity"), refused.body());
        HttpResponse<String> r = s.post("/portal/bulk/provision", "/portal/bulk/provision", "name", "pb", "firstNameId", "1",
                "apnGroupId", Fixtures.apnGroup(t), "planId", t.postPlan(), "roamingProfileId", Fixtures.roamingProfile(t),
                "source", "list", "iccidList", "iccid\n" + String.join("\n", t.iccids()), "activate", "on");
        assertEquals(302, r.statusCode(), r.body());
        String job = location(r);
        assertTrue(job.matches("/portal/jobs/\\d+"), job);
        String body = "";
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            body = s.get(job, "HX-Request", "true").body();
            if (!body.contains("hx-trigger=\"every 1s\"")) break;
            Thread.sleep(200);
        }
        assertTrue(body.contains("Success") && body.contains("value=\"100\""), body);
        String csv = s.get(job + "/results").body();
        assertEquals(6, csv.split("\r\n").length, csv);
        assertTrue(csv.contains(t.iccids().get(4) + ",") && csv.contains(",Success,"), csv);
        assertTrue(s.get("/portal/jobs").body().contains(job.substring("/portal/jobs/".length())));
        assertTrue(s.get("/portal/sims?state=ACTIVE").body().contains("pb_5"), "the SIMs list names the endpoints");
        // another tenant: the job is not found, on its page and its CSV
        PortalSession stranger = session().login(f.enterprise(0).username(), "secret");
        assertEquals(404, stranger.get(job).statusCode());
        assertEquals(404, stranger.get(job + "/results").statusCode());
        assertEquals(404, stranger.get("/portal/jobs/x1").statusCode());
        assertFalse(stranger.get("/portal/jobs").body().contains("href=\"" + job + "\""));
    }

    @Test
    void bulkModifyTakesAPastedListAndShowsEachResult() throws Exception {
        Fixtures f = new Fixtures(anon());
        Tenant t = f.enterprise(3);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        PortalSession s = session().login(t.username(), "secret");
        HttpResponse<String> nothing = s.post("/portal/bulk/modify", "/portal/bulk/modify", "resourceType", "endpointid",
                "values", Long.toString(ep));
        assertEquals(422, nothing.statusCode());
        HttpResponse<String> r = s.post("/portal/bulk/modify", "/portal/bulk/modify", "resourceType", "endpointid",
                "values", ep + "\n999999999", "imeiLock", "lock");
        assertEquals(302, r.statusCode(), r.body());
        String job = location(r);
        String body = "";
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            body = s.get(job).body();
            if (!body.contains("hx-trigger=\"every 1s\"")) break;
            Thread.sleep(200);
        }
        assertTrue(body.contains("Partial") && body.contains("999999999"), body);
        assertTrue(s.get(job + "/results").body().contains(ep + ","));
    }

    @Test
    void theSimAndBulkPagesAreForEnterprisesTheOperatorPagesForTheOperator() {
        PortalSession operator = session().login("admin", "admin");
        for (String page : ENTERPRISE_PAGES) assertEquals(403, operator.get(page).statusCode(), page);
        PortalSession customer = session().login("customer", "customer");
        for (String page : ENTERPRISE_PAGES) assertEquals(200, customer.get(page).statusCode(), page);
        assertTrue(java.util.regex.Pattern.compile("<a[^>]*aria-current=\"page\"[^>]*>SIMs</a>").matcher(customer.get("/portal/sims").body()).find(),
                "the menu's SIMs item is current");
        for (String page : OPERATOR_PAGES) assertEquals(403, customer.get(page).statusCode(), page);
        PortalSession reseller = session().login("reseller", "reseller");
        for (String page : OPERATOR_PAGES) assertEquals(403, reseller.get(page).statusCode(), page);
        for (String page : OPERATOR_PAGES) assertEquals(200, operator.get(page).statusCode(), page);
        assertEquals(403, operator.post("/portal/operator/sims", null, "accountId", "41078552", "csv", "iccid").statusCode(), "CSRF");
    }

    static final List<String> OPERATOR_PAGES = List.of("/portal/operator/accounts", "/portal/operator/users?accountId=41078552",
            "/portal/operator/catalog?accountId=41078552", "/portal/operator/sims");

    @Test
    void theOperatorCreatesAnEnterpriseAndItsUserAndImportsSimsByCsv() {
        PortalSession operator = session().login("admin", "admin");
        String name = Fixtures.uniqueName("Portal Ent ");
        String user = Fixtures.uniqueName("puser");
        HttpResponse<String> refused = operator.post("/portal/operator/accounts", "/portal/operator/accounts",
                "parentAccountId", Long.toString(Fixtures.RESELLER), "name", name, "username", user, "password", "");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("password"), "a username needs a password, as the admin API says");
        HttpResponse<String> created = operator.post("/portal/operator/accounts", "/portal/operator/accounts",
                "parentAccountId", Long.toString(Fixtures.RESELLER), "name", name, "subscriberType", "1", "username", user, "password", "secret1");
        assertEquals(302, created.statusCode(), created.body());
        String accounts = operator.get("/portal/operator/accounts").body();
        assertTrue(accounts.contains(name), accounts);
        long id = accountId(operator, name);
        assertTrue(operator.get("/portal/operator/users?accountId=" + id).body().contains(user));
        assertEquals(404, operator.get("/portal/operator/users?accountId=99999999999").statusCode());
        String base = "89320426" + String.format("%011d", System.nanoTime() % 100_000_000_000L);
        StringBuilder csv = new StringBuilder("iccid,masterImsi,msisdn,product\n");
        for (int i = 0; i < 3; i++) {
            String iccid = new java.math.BigInteger(base).add(java.math.BigInteger.valueOf(i)).toString();
            csv.append(iccid).append(',').append("2340" + iccid.substring(8)).append(',').append("44" + iccid.substring(9)).append(",IR1-1EU28-Multi\n");
        }
        HttpResponse<String> imported = operator.post("/portal/operator/sims", "/portal/operator/sims", "accountId", Long.toString(id),
                "csv", csv.toString());
        assertEquals(302, imported.statusCode());
        String page = operator.get("/portal/operator/sims").body();
        assertTrue(page.contains("Imported 3 SIMs"), page);
        HttpResponse<String> bad = operator.post("/portal/operator/sims", "/portal/operator/sims", "accountId", Long.toString(Fixtures.RESELLER),
                "csv", csv.toString());
        assertEquals(302, bad.statusCode());
        assertTrue(operator.get("/portal/operator/sims").body().contains("not an enterprise"), "SIMs go to enterprises only");
        PortalSession owner = session().login(user, "secret1");
        assertTrue(owner.get("/portal/sims").body().contains("All SIMs | <span id=\"sim-total\">3</span>"));
    }

    private static long accountId(PortalSession operator, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td>(\\d+)</td>\\s*<td>" + java.util.regex.Pattern.quote(name) + "</td>")
                .matcher(operator.get("/portal/operator/accounts").body());
        if (!m.find()) throw new AssertionError("no account " + name);
        return Long.parseLong(m.group(1));
    }

    @Test
    void aResellerOpensOneOfItsEnterprisesFromTheListAndLeavesSupportAccess() {
        PortalSession reseller = session().login("reseller", "reseller");
        String support = reseller.get("/portal/support").body();
        assertTrue(support.contains("41078552") && support.contains("Your enterprises"), support);
        assertEquals(302, reseller.post("/portal/support/open", "/portal/support", "accountId", "41078552").statusCode());
        assertEquals(200, reseller.get("/portal/sims").statusCode());
        assertTrue(reseller.get("/portal/sims").body().contains("Leave support access"));
        HttpResponse<String> left = reseller.post("/portal/support/leave", "/portal/sims");
        assertTrue(location(left).endsWith("/portal"), location(left));
        assertEquals(403, reseller.get("/portal/sims").statusCode(), "back in its own account");
        assertTrue(reseller.get("/portal/support").body().contains("Your enterprises"));
    }
}
