package io.simfleet.portal;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalog, Statistics and Billing pages and the dashboard's usage over HTTP with real
 * sessions: the account's own figures and catalog only (another tenant sees none of them), the
 * CSV exports, the refusals shown on the page.
 */
class PortalCatalogTest extends ApiTestBase {
    static final long MB = 1024 * 1024;
    static final List<String> PAGES = List.of("/portal/apn", "/portal/plans", "/portal/plans?type=prepaid", "/portal/coverage",
            "/portal/services", "/portal/tariff", "/portal/statistics", "/portal/billing");
    static final List<String> EXPORTS = List.of("/portal/apn/export", "/portal/plans/export", "/portal/coverage/export",
            "/portal/services/export", "/portal/tariff/export", "/portal/statistics/export", "/portal/billing/export");

    private PortalSession session(Tenant t) {
        return new PortalSession(Integer.parseInt(env.getRequiredProperty("local.server.port"))).login(t.username(), "secret");
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        if (!m.find()) throw new AssertionError("no #" + id + " in " + html);
        return m.group(1);
    }

    @Test
    void theUsagePagesShowTheAccountsOwnFiguresAndAnotherTenantSeesNone() {
        Fixtures fx = new Fixtures(anon());
        Tenant owner = fx.enterprise(1);
        Tenant other = fx.enterprise(0);
        long ep = Fixtures.endpoint(owner, owner.iccids().get(0), true, "name", "meter <b>1</b>");
        String imsi = Fixtures.imsi(owner.iccids().get(0));
        Instant at = clock.instant().minusSeconds(60);
        String ingested = fx.admin().post("/admin/usage", List.of(
                map("recordId", "pc-d-" + ep, "type", "DATA", "imsi", imsi, "startTime", at.toString(), "uplinkBytes", MB,
                        "downlinkBytes", 2 * MB),
                map("recordId", "pc-s-" + ep, "type", "SMS", "direction", "MO", "imsi", imsi, "time", at.toString()))).raw();
        assertTrue(ingested.contains("\"accepted\":2"), ingested);

        PortalSession s = session(owner);
        String dashboard = s.get("/portal/dashboard").body();
        assertEquals("3.000", text(dashboard, "usage-data"));
        assertEquals("1", text(dashboard, "usage-sms"));
        assertTrue(dashboard.contains("id=\"usage-chart\"") && dashboard.contains("data-labels=") && !dashboard.contains("<script>"),
                "a chart from data-* attributes, no inline script");
        String stats = s.get("/portal/statistics").body();
        assertEquals("3.000", text(stats, "stat-data"));
        assertEquals("1", text(stats, "stat-sms"));
        String own = s.get("/portal/statistics?endpointId=" + ep).body();
        assertTrue(own.contains("id=\"endpoint-statistics\"") && own.contains("SMS_MO"), own);
        String cost = text(dashboard, "usage-cost");
        String billing = s.get("/portal/billing").body();
        assertEquals(cost, text(billing, "bill-total"));
        assertTrue(billing.contains("meter &lt;b&gt;1&lt;/b&gt;") && billing.contains(cost), "the endpoint and its cost, escaped");
        String billCsv = s.get("/portal/billing/export").body();
        assertTrue(billCsv.startsWith("month,endpointId,name,planId,planName,cost\r\n") && billCsv.contains("," + ep + ",meter <b>1</b>,")
                && billCsv.contains("," + cost + "\r\n"), billCsv);

        // another tenant: none of these figures, and the endpoint is not one of its own
        PortalSession o = session(other);
        String theirs = o.get("/portal/dashboard").body();
        assertEquals("0.000", text(theirs, "usage-data"));
        assertEquals("0", text(theirs, "usage-sms"));
        assertEquals("0.000", text(o.get("/portal/statistics").body(), "stat-data"));
        String foreign = o.get("/portal/statistics?endpointId=" + ep).body();
        assertTrue(foreign.contains("not an endpoint of this account") && !foreign.contains("id=\"endpoint-statistics\""), foreign);
        String theirBill = o.get("/portal/billing").body();
        assertEquals("0.000", text(theirBill, "bill-total"));
        assertFalse(theirBill.contains(Long.toString(ep)));
        assertFalse(o.get("/portal/billing/export").body().contains(Long.toString(ep)));
        assertFalse(o.get("/portal/statistics/export").body().contains(",3.000,"));

        // a range the service refuses is said on the page
        String refused = s.get("/portal/statistics?from=2026-05-02&to=2026-05-01").body();
        assertTrue(refused.contains("Date range refused: 1001"), refused);
    }

    @Test
    void theCatalogPagesShowTheAccountsOwnCatalogAndExportItAsCsv() {
        Fixtures fx = new Fixtures(anon());
        Tenant owner = fx.enterprise(0);
        Tenant other = fx.enterprise(0);
        PortalSession s = session(owner);
        for (String page : PAGES) assertEquals(200, s.get(page).statusCode(), page);
        String apn = s.get("/portal/apn").body();
        String apnGroup = Fixtures.apnGroup(owner);
        assertTrue(apn.contains("APN Group List | <span id=\"apn-total\">1</span>") && apn.contains(apnGroup), apn);
        String plans = s.get("/portal/plans").body();
        assertTrue(plans.contains(owner.postPlan()) && !plans.contains(owner.prePlan()), "the Postpaid list");
        assertTrue(plans.contains("BASIC INFO") && plans.contains("Service Profile"), "the first plan's BASIC INFO");
        assertTrue(s.get("/portal/plans?type=prepaid").body().contains(owner.prePlan()), "the Prepaid list");
        assertTrue(s.get("/portal/plans?q=nothing-like-this").body().contains("No plan matches."));
        String coverage = s.get("/portal/coverage").body();
        String profile = Fixtures.roamingProfile(owner);
        assertTrue(coverage.contains("List of Networks From") && coverage.contains(profile), coverage);
        assertTrue(coverage.contains("MCC/MNC") && coverage.contains("Reference") && coverage.contains("Barring"));

        // another tenant's plan or roaming profile is not shown to this one
        PortalSession o = session(other);
        assertFalse(o.get("/portal/plans?plan=" + owner.postPlan()).body().contains(owner.postPlan()));
        assertEquals(404, o.get("/portal/coverage?profile=" + profile).statusCode());
        assertFalse(o.get("/portal/tariff").body().contains(owner.postPlan()));

        for (String export : EXPORTS) {
            HttpResponse<String> csv = s.get(export);
            assertEquals(200, csv.statusCode(), export);
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), export);
            assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), export);
        }
        assertTrue(s.get("/portal/apn/export").body().contains("," + apnGroup + ","));
        assertTrue(s.get("/portal/plans/export").body().contains(owner.postPlan() + ","));
        assertTrue(s.get("/portal/coverage/export").body().startsWith("roamingProfileId,roamingProfileName,country,operator,mccMnc"));
        assertTrue(s.get("/portal/tariff/export").body().contains(owner.postPlan() + ","));
        assertFalse(o.get("/portal/plans/export?type=postpaid").body().contains(owner.postPlan()));
        assertFalse(o.get("/portal/tariff/export").body().contains(owner.postPlan()));
    }
}
