package io.simfleet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The endpoint page's SIM actions and tabs and CREATE ENDPOINT over HTTP with real sessions: the
 * service's refusals next to the field they name, the pages render, another tenant's id is "not
 * found" on every page and action, every action needs the CSRF token.
 */
class PortalEndpointPagesTest extends ApiTestBase {
    /** The new GET pages of one endpoint ({id} replaced). */
    static final List<String> PAGES = List.of("/portal/endpoints/{id}/delink", "/portal/endpoints/{id}/delete",
            "/portal/endpoints/{id}/link", "/portal/endpoints/{id}/usage", "/portal/endpoints/{id}/diagnosis",
            "/portal/endpoints/{id}/counter", "/portal/endpoints/{id}/benefits", "/portal/endpoints/{id}/addons",
            "/portal/endpoints/{id}/change", "/portal/endpoints/{id}/swap");
    /** The new actions of one endpoint, each with a plausible form. */
    static final List<List<String>> ACTIONS = List.of(List.of("/portal/endpoints/{id}/delink"), List.of("/portal/endpoints/{id}/delete"),
            List.of("/portal/endpoints/{id}/link", "iccid", "8932042000000015191"),
            List.of("/portal/endpoints/{id}/swap", "iccid", "8932042000000015191"),
            List.of("/portal/endpoints/{id}/blacklist", "tadigCode", "BELMO", "categoryGroupId", "IR1", "change", "add"),
            List.of("/portal/endpoints/{id}/threshold", "counterId", "C1", "uniqueId", "0", "threshold", "10"),
            List.of("/portal/endpoints/{id}/addons", "planId", "ADDON1"),
            List.of("/portal/endpoints/{id}/plan", "planId", "DEFAULTPOST41078552"),
            List.of("/portal/endpoints/{id}/roaming", "roamingProfileIds", "358"),
            List.of("/portal/endpoints/{id}/modify", "name", "renamed", "imeiLock", "true"));

    private PortalSession session() {
        return new PortalSession(Integer.parseInt(env.getRequiredProperty("local.server.port")));
    }

    private static String errorOf(String body, String field) {
        Matcher m = Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("").replaceFirst("^http://[^/]+", "");
    }

    @Test
    void createEndpointShowsTheServicesRefusalsByFieldThenLandsOnTheNewEndpoint() {
        Tenant t = new Fixtures(anon()).enterprise(4);
        PortalSession s = session().login(t.username(), "secret");
        String apn = Fixtures.apnGroup(t), rp = Fixtures.roamingProfile(t), iccid = t.iccids().get(0);
        HttpResponse<String> form = s.get("/portal/endpoints/new");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains(apn) && form.body().contains(t.postPlan()) && form.body().contains(iccid), "the steps' choices");

        HttpResponse<String> noName = s.post("/portal/endpoints/new", "/portal/endpoints/new", "apnGroupId", apn, "planId", t.postPlan(),
                "roamingProfileIds", rp, "iccid", iccid, "linkSim", "true", "activate", "true");
        assertEquals(200, noName.statusCode());
        assertTrue(String.valueOf(errorOf(noName.body(), "name")).startsWith("1000"), noName.body());
        HttpResponse<String> noRoaming = s.post("/portal/endpoints/new", "/portal/endpoints/new", "name", "meter <b>1</b>", "apnGroupId", apn,
                "planId", t.postPlan(), "iccid", iccid, "linkSim", "true", "activate", "true");
        assertTrue(String.valueOf(errorOf(noRoaming.body(), "roamingProfileIds")).contains("roamingProfileId"), noRoaming.body());
        assertTrue(noRoaming.body().contains("value=\"meter &lt;b&gt;1&lt;/b&gt;\""), "the form keeps what was typed, escaped");
        HttpResponse<String> wrongPlan = s.post("/portal/endpoints/new", "/portal/endpoints/new", "name", "meter", "apnGroupId", apn,
                "planId", "NOPE", "roamingProfileIds", rp, "iccid", iccid, "linkSim", "true", "activate", "true");
        assertTrue(String.valueOf(errorOf(wrongPlan.body(), "planId")).startsWith("1001"), wrongPlan.body());
        HttpResponse<String> activateOnly = s.post("/portal/endpoints/new", "/portal/endpoints/new", "name", "meter", "apnGroupId", apn,
                "planId", t.postPlan(), "roamingProfileIds", rp, "activate", "true");
        assertTrue(String.valueOf(errorOf(activateOnly.body(), "activate")).contains("isDefaultActivation"), activateOnly.body());

        HttpResponse<String> created = s.post("/portal/endpoints/new", "/portal/endpoints/new", "name", "meter", "apnGroupId", apn,
                "planId", t.postPlan(), "roamingProfileIds", rp, "iccid", iccid, "linkSim", "true", "activate", "true");
        assertEquals(302, created.statusCode());
        String page = location(created);
        assertTrue(page.matches("/portal/endpoints/\\d+"), page);
        String body = s.get(page).body();
        assertTrue(body.contains("created: Active") && body.contains(iccid), body);
        for (String tab : List.of("usage", "diagnosis", "counter", "benefits", "addons", "delink", "link", "swap")) {
            assertEquals(200, s.get(page + "/" + tab).statusCode(), tab);
        }
        assertTrue(s.get(page + "/usage?from=x").body().contains("from-error"), "a wrong date is refused next to its field");

        // SIM SWAP: a refusal next to the field (the SIM it holds), then another SIM; the endpoint stays Active
        assertTrue(body.contains("href=\"" + page + "/swap\""), "SIM SWAP is offered while the endpoint holds a SIM");
        HttpResponse<String> sameSim = s.post(page + "/swap", page + "/swap", "iccid", iccid);
        assertEquals(200, sameSim.statusCode());
        assertTrue(String.valueOf(errorOf(sameSim.body(), "iccid")).startsWith("10967"), sameSim.body());
        assertEquals(page, location(s.post(page + "/swap", page + "/swap", "iccid", t.iccids().get(3))));
        String swapped = s.get(page).body();
        assertTrue(swapped.contains("SIM swap: " + iccid + " replaced by " + t.iccids().get(3)) && swapped.contains("Active"), swapped);

        // DE-LINK SIM, then LINK SIM (a wrong ICCID refused next to the field, then another of the account's SIMs)
        HttpResponse<String> delink = s.post(page + "/delink", page + "/delink");
        assertEquals(page, location(delink));
        assertTrue(s.get(page).body().contains("De-link SIM: done"));
        HttpResponse<String> wrongSim = s.post(page + "/link", page + "/link", "iccid", "8999999999999999999");
        assertEquals(200, wrongSim.statusCode());
        assertTrue(String.valueOf(errorOf(wrongSim.body(), "iccid")).contains("ICCID not available"), wrongSim.body());
        assertEquals(page, location(s.post(page + "/link", page + "/link", "iccid", t.iccids().get(1))));
        String linked = s.get(page).body();
        assertTrue(linked.contains("Link SIM: " + t.iccids().get(1)) && linked.contains("Pre-Active"), linked);

        // DELETE ENDPOINT is refused while a SIM is linked: the service's code and description
        HttpResponse<String> delete = s.post(page + "/delete", page + "/link");
        assertEquals(page, location(delete));
        assertTrue(s.get(page).body().contains("Delete endpoint refused: "));

        // an endpoint without SIM is deleted, and the list says so
        HttpResponse<String> bare = s.post("/portal/endpoints/new", "/portal/endpoints/new", "name", "bare", "apnGroupId", apn,
                "planId", t.postPlan(), "roamingProfileIds", rp);
        String barePage = location(bare);
        assertEquals("/portal/endpoints", location(s.post(barePage + "/delete", barePage + "/delete")));
        assertTrue(s.get("/portal/endpoints").body().contains("deleted."));
    }

    @Test
    void anotherTenantsEndpointIsNotFoundOnEveryPageAndActionAndActionsNeedTheCsrfToken() {
        Tenant owner = new Fixtures(anon()).enterprise(1);
        long id = Fixtures.endpoint(owner, owner.iccids().get(0), true);
        Tenant other = new Fixtures(anon()).enterprise(0);
        PortalSession stranger = session().login(other.username(), "secret");
        for (String page : PAGES) {
            String path = page.replace("{id}", Long.toString(id));
            assertEquals(404, stranger.get(path).statusCode(), path);
        }
        for (List<String> action : ACTIONS) {
            String path = action.get(0).replace("{id}", Long.toString(id));
            String[] fields = action.subList(1, action.size()).toArray(new String[0]);
            assertEquals(404, stranger.post(path, "/portal/dashboard", fields).statusCode(), path);
        }
        PortalSession customer = session().login(owner.username(), "secret");
        for (List<String> action : ACTIONS) {
            String path = action.get(0).replace("{id}", Long.toString(id));
            assertEquals(403, customer.post(path, null, action.subList(1, action.size()).toArray(new String[0])).statusCode(), path + " without CSRF");
        }
        assertEquals(403, customer.post("/portal/endpoints/new", null, "name", "x").statusCode(), "create without CSRF");
        String page = customer.get("/portal/endpoints/" + id).body();
        assertTrue(page.contains("Active") && page.contains(owner.iccids().get(0)), "nothing was done to the owner's endpoint");
    }

    @Test
    void changePlanRoamingProfileAndModifyShowTheServicesRefusalsByField() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(1);
        long id = Fixtures.endpoint(t, t.iccids().get(0), true);
        String page = "/portal/endpoints/" + id, change = page + "/change";
        PortalSession s = session().login(t.username(), "secret");
        HttpResponse<String> form = s.get(change);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains(t.postPlan()), form.body());
        HttpResponse<String> wrongPlan = s.post(page + "/plan", change, "planId", "NOPE");
        assertEquals(200, wrongPlan.statusCode());
        assertTrue(errorOf(wrongPlan.body(), "planId") != null, wrongPlan.body());
        String plan = Fixtures.uniqueName("P2");
        fx.normalPlan(t, plan);
        assertEquals(page, location(s.post(page + "/plan", change, "planId", plan)));
        assertTrue(s.get(page).body().contains(plan));
        HttpResponse<String> noRoaming = s.post(page + "/roaming", change);
        assertTrue(errorOf(noRoaming.body(), "roamingProfileIds") != null, noRoaming.body());
        assertEquals(page, location(s.post(page + "/roaming", change, "roamingProfileIds", Fixtures.roamingProfile(t))));
        HttpResponse<String> badImei = s.post(page + "/modify", change, "name", "renamed", "imei", "12x", "imeiLock", "false");
        assertTrue(String.valueOf(errorOf(badImei.body(), "imei")).startsWith("1001"), badImei.body());
        HttpResponse<String> modified = s.post(page + "/modify", change, "name", "renamed meter", "imei", "", "imeiLock", "false", "bars", "SMS_MO");
        assertEquals(page, location(modified), modified.body().replaceAll("(?s).*<main", "<main"));
        String after = s.get(page).body();
        assertTrue(after.contains("renamed meter") && after.contains("SMS_MO"), after);
    }
}
