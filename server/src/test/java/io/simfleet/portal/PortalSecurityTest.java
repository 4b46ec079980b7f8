package io.simfleet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portal's chain with real sessions: cookie, CSRF, headers, roles, support access, tenant isolation, the CSV export. */
class PortalSecurityTest extends ApiTestBase {
    /** The pages of the acting enterprise (RouteSecurityTest checks that nobody without a session reaches any). */
    static final List<String> ENTERPRISE_PAGES = List.of("/portal/dashboard", "/portal/endpoints", "/portal/endpoints/export",
            "/portal/endpoints/51368592", "/portal/endpoints/51368592/events", "/portal/endpoints/51368592/suspend");

    private PortalSession session() {
        return new PortalSession(Integer.parseInt(env.getRequiredProperty("local.server.port")));
    }

    @Test
    void theLoginNeedsTheCsrfTokenAndGivesAnHttpOnlySameSiteSessionCookie() {
        PortalSession s = session();
        HttpResponse<String> page = s.get("/portal/login");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals(403, s.post("/portal/login", null, "username", "customer", "password", "customer").statusCode(), "no CSRF token");
        HttpResponse<String> in = s.post("/portal/login", "/portal/login", "username", "customer", "password", "customer");
        assertEquals(302, in.statusCode());
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SIMFLEET_PORTAL=")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertEquals(200, s.get("/portal/dashboard").statusCode());
        assertEquals(403, s.post("/portal/logout", null).statusCode(), "logout needs the CSRF token too");
        assertEquals(302, s.post("/portal/logout", "/portal/dashboard").statusCode());
        assertTrue(s.get("/portal/dashboard").headers().firstValue("Location").orElse("").endsWith("/portal/login"), "signed out");
    }

    @Test
    void aWrongPasswordAndABlockedUserAreToldWhy() {
        Tenant t = new Fixtures(anon()).enterprise(0);
        PortalSession s = session();
        HttpResponse<String> wrong = s.post("/portal/login", "/portal/login", "username", t.username(), "password", "nope");
        assertTrue(wrong.headers().firstValue("Location").orElse("").endsWith("/portal/login?error"));
        assertTrue(s.get("/portal/login?error").body().contains("Invalid username or password"));
        for (int i = 0; i < 5; i++) s.post("/portal/login", "/portal/login", "username", t.username(), "password", "nope");
        s.post("/portal/login", "/portal/login", "username", t.username(), "password", "secret");
        assertTrue(s.get("/portal/login?error").body().contains("User is blocked"), "blocked, even with the right password");
    }

    @Test
    void operatorsAndResellersSeeNoEnterprisePageUntilTheyOpenOne() {
        PortalSession operator = session().login("admin", "admin");
        assertTrue(operator.get("/portal").headers().firstValue("Location").orElse("").endsWith("/portal/support"));
        for (String page : ENTERPRISE_PAGES) assertEquals(403, operator.get(page).statusCode(), page);
        PortalSession reseller = session().login("reseller", "reseller");
        for (String page : ENTERPRISE_PAGES) assertEquals(403, reseller.get(page).statusCode(), page);
        Tenant foreign = new Fixtures(anon()).enterprise(0);
        HttpResponse<String> refused = reseller.post("/portal/support/open", "/portal/support", "accountId", "10000001");
        assertTrue(refused.headers().firstValue("Location").orElse("").endsWith("/portal/support"));
        assertTrue(reseller.get("/portal/support").body().contains("10117"), "not its descendant");
        assertEquals(302, reseller.post("/portal/support/open", "/portal/support", "accountId", "41078552").statusCode());
        HttpResponse<String> dashboard = reseller.get("/portal/dashboard");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("support access from"), "the header says whose access it is");
        assertEquals(200, reseller.get("/portal/endpoints/51368592").statusCode());
        String activity = new Fixtures(anon()).admin().get("/admin/accounts/41078552/activity").raw();
        assertTrue(activity.contains("SUPPORT_ACCESS") && activity.contains("reseller"), activity);
        assertTrue(foreign.accountId() > 0);
    }

    @Test
    void anotherTenantsEndpointIsNotFoundAndTheExportIsTheAccountsOwn() {
        PortalSession customer = session().login("customer", "customer");
        HttpResponse<String> csv = customer.get("/portal/endpoints/export");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("endpointId,name,state,iccid,imsi,msisdn,imei,tags\r\n") && csv.body().contains("51368592,"), csv.body());
        Tenant other = new Fixtures(anon()).enterprise(0);
        PortalSession stranger = session().login(other.username(), "secret");
        for (String page : ENTERPRISE_PAGES.subList(3, ENTERPRISE_PAGES.size())) {
            assertEquals(404, stranger.get(page).statusCode(), page);
        }
        assertEquals(404, stranger.get("/portal/endpoints/x1").statusCode(), "a malformed id names nothing");
        HttpResponse<String> act = stranger.post("/portal/endpoints/51368592/suspend", "/portal/dashboard");
        assertEquals(302, act.statusCode());
        assertEquals(404, stranger.get(act.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "")).statusCode());
        assertTrue(stranger.get("/portal/endpoints/export").body().equals("endpointId,name,state,iccid,imsi,msisdn,imei,tags\r\n"));
        assertTrue(customer.get("/portal/endpoints/51368592").body().contains("Active") , "the customer's endpoint was not suspended by the stranger");
        assertTrue(stranger.get("/portal/endpoints?q=51368592").body().contains("No endpoint matches"));
        // an API token is no portal session
        assertTrue(session().get("/portal/dashboard", "X-Authorization", "Bearer " + as("customer").token())
                .headers().firstValue("Location").orElse("").endsWith("/portal/login"));
    }
}
