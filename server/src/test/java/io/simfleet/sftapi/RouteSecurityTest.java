package io.simfleet.sftapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Walks every route the application maps — read from its handler mappings, not from a list kept
 * by hand — with every kind of caller and with encoded and parameter-laden spellings of each
 * path, and checks the answer against the route's rule below. A route without a rule here fails
 * the test: whoever adds a route states who may call it.
 */
class RouteSecurityTest extends ApiTestBase {

    /**
     * PORTAL_PUBLIC: the portal's login page and files. PORTAL: a portal page, for a signed-in
     * session only (which roles: PortalSecurityTest); no bearer token reaches it.
     */
    enum Rule { PUBLIC, OPERATOR, ENTERPRISE, ANY_ACCOUNT, NOBODY, PORTAL_PUBLIC, PORTAL }

    /** Up to DISABLED: callers without a usable token. SUPPORT: the reseller acting in an enterprise. */
    enum Caller { NONE, EXPIRED, FORGED, REFRESH, DISABLED, CUSTOMER, SUPPORT, RESELLER, OPERATOR }

    /** Who may call each route, by "METHOD pattern" (pattern as mapped, lower case). */
    static final Map<String, Rule> RULES = rules(
            "POST /api/login", Rule.PUBLIC,
            "GET /api/refreshtoken", Rule.PUBLIC,
            "GET /api/ping", Rule.ANY_ACCOUNT,
            "GET /api/getcustomerprofile", Rule.ANY_ACCOUNT,
            "GET /api/getsimproduct", Rule.ANY_ACCOUNT,
            "POST /api/bulkprovisioning", Rule.ENTERPRISE,
            "GET /api/fetchsimprovisioningdetails", Rule.ENTERPRISE,
            "PATCH /api/endpointbulk", Rule.ENTERPRISE,
            "GET /api/getjobstatus", Rule.ENTERPRISE,
            "PATCH /api/endpoint", Rule.ENTERPRISE,
            "POST /api/modifyendpoint", Rule.ENTERPRISE,
            "POST /api/deleteendpoint", Rule.ENTERPRISE,
            "POST /api/linksim", Rule.ENTERPRISE,
            "POST /api/delinksim", Rule.ENTERPRISE,
            "POST /api/swapsim", Rule.ENTERPRISE,
            "POST /api/endpointactivation", Rule.ENTERPRISE,
            "POST /api/activateendpoint", Rule.ENTERPRISE,
            "POST /api/endpointlifecyclechange", Rule.ENTERPRISE,
            "POST /api/changeendpointlifecycle", Rule.ENTERPRISE,
            "POST /api/changeendpointroamingprofile", Rule.ENTERPRISE,
            "POST /api/changeplan", Rule.ENTERPRISE,
            "POST /api/createendpoint", Rule.ENTERPRISE,
            "GET /api/getendpoints", Rule.ENTERPRISE,
            "GET /api/getendpoint", Rule.ENTERPRISE,
            "GET /api/getendpointprofile", Rule.ENTERPRISE,
            "GET /api/getendpointevents", Rule.ENTERPRISE,
            "GET /api/fetchiccidforprovisioning", Rule.ENTERPRISE,
            "GET /api/fetchsim", Rule.ENTERPRISE,
            "GET /api/fetchapngroup", Rule.ENTERPRISE,
            "GET /api/queryrateplan", Rule.ENTERPRISE,
            "GET /api/getplans", Rule.ENTERPRISE,
            "GET /api/getserviceprofile", Rule.ENTERPRISE,
            "GET /api/getroamingprofiles", Rule.ENTERPRISE,
            "GET /api/getstatistics", Rule.ENTERPRISE,
            "GET /api/fetchnetworkstatus", Rule.ENTERPRISE,
            "GET /api/locationinfo", Rule.ENTERPRISE,
            "GET /api/endpointcoverage", Rule.ENTERPRISE,
            "POST /api/endpointblacklisting", Rule.ENTERPRISE,
            "POST /api/updatethreshold", Rule.ENTERPRISE,
            "POST /api/subscribeaddon", Rule.ENTERPRISE,
            "GET /api/getendpointaddondetails", Rule.ENTERPRISE,
            "POST /api/createtag", Rule.ENTERPRISE,
            // the private network, our additions (docs/network.md)
            "GET /api/getvslices", Rule.ENTERPRISE,
            "POST /api/createendpointgroup", Rule.ENTERPRISE,
            "GET /api/getendpointgroups", Rule.ENTERPRISE,
            "POST /api/renameendpointgroup", Rule.ENTERPRISE,
            "POST /api/deleteendpointgroup", Rule.ENTERPRISE,
            "POST /api/assignendpointgroup", Rule.ENTERPRISE,
            "POST /api/unassignendpointgroup", Rule.ENTERPRISE,
            "POST /api/bulkassignendpointgroup", Rule.ENTERPRISE,
            "POST /api/claimsim", Rule.ENTERPRISE,
            "GET /api/gettags", Rule.ENTERPRISE,
            "GET /admin/accounts", Rule.OPERATOR,
            "GET /admin/accounts/{id}", Rule.OPERATOR,
            "POST /admin/resellers", Rule.OPERATOR,
            "POST /admin/enterprises", Rule.OPERATOR,
            "PATCH /admin/accounts/{id}", Rule.OPERATOR,
            "POST /admin/accounts/{id}/users", Rule.OPERATOR,
            "GET /admin/accounts/{id}/activity", Rule.OPERATOR,
            "POST /admin/accounts/{id}/apn-groups", Rule.OPERATOR,
            "POST /admin/accounts/{id}/service-profiles", Rule.OPERATOR,
            "POST /admin/accounts/{id}/roaming-profiles", Rule.OPERATOR,
            "POST /admin/accounts/{id}/plans", Rule.OPERATOR,
            "POST /admin/accounts/{id}/dynamic-benefits", Rule.OPERATOR,
            "POST /admin/accounts/{id}/value-added-features", Rule.OPERATOR,
            "GET /admin/sim-products", Rule.OPERATOR,
            "POST /admin/sim-products", Rule.OPERATOR,
            "POST /admin/accounts/{id}/sims", Rule.OPERATOR,
            "GET /admin/jobs/dead", Rule.OPERATOR,
            "POST /admin/usage", Rule.OPERATOR,
            "GET /admin/network/sims/{imsi}", Rule.OPERATOR,
            "POST /admin/network/sims/{imsi}/move", Rule.OPERATOR,
            "POST /admin/network/sims/{imsi}/detach", Rule.OPERATOR,
            "POST /admin/network/sims/{imsi}/attach", Rule.OPERATOR,
            "POST /admin/network/sims/{imsi}/session", Rule.OPERATOR,
            "POST /admin/network/sims/{imsi}/sms", Rule.OPERATOR,
            "POST /admin/network/networks/{tadig}", Rule.OPERATOR,
            "POST /admin/network/faults", Rule.OPERATOR,
            "POST /admin/accounts/{id}/endpoints/{endpointid}/credit", Rule.OPERATOR,
            "POST /admin/accounts/{id}/vslices", Rule.OPERATOR,
            "GET /admin/accounts/{id}/vslices", Rule.OPERATOR,
            "PATCH /admin/accounts/{id}/vslices/{vsliceid}", Rule.OPERATOR,
            "DELETE /admin/accounts/{id}/vslices/{vsliceid}", Rule.OPERATOR,
            "GET /admin/accounts/{id}/sims/{iccid}/claim-code", Rule.OPERATOR,
            "POST /admin/accounts/{id}/sims/{iccid}/claim-code", Rule.OPERATOR,
            // the container's error dispatch only; asked for directly it is refused
            "ANY /error", Rule.NOBODY,
            // Actuator: health (liveness, readiness, each component's status without details) is public, its index is not
            "GET /actuator/health", Rule.PUBLIC,
            "GET /actuator/health/**", Rule.PUBLIC,
            // Prometheus metrics: operators (and the scrape token, MetricsTest)
            "GET /actuator/prometheus", Rule.OPERATOR,
            "GET /actuator", Rule.NOBODY,
            // the root page: static HTML linking the API description, health and docs
            "GET /", Rule.PUBLIC,
            // Spring's static-resource handlers: nothing but the API descriptions and Swagger UI, public
            // by rules of their own (SftSecurityConfig.apiDocs, checked in OpenApiConformanceTest)
            "GET /**", Rule.NOBODY,
            "GET /webjars/**", Rule.NOBODY,
            // the web portal (docs/portal.md): its own chain, a session from its form login, never a bearer token
            "GET /portal/login", Rule.PORTAL_PUBLIC,
            "GET /portal/assets/**", Rule.PORTAL_PUBLIC,
            "GET /portal/assets/webjars/**", Rule.PORTAL_PUBLIC,
            "GET /portal", Rule.PORTAL,
            "GET /portal/dashboard", Rule.PORTAL,
            "GET /portal/endpoints", Rule.PORTAL,
            "GET /portal/endpoints/export", Rule.PORTAL,
            "GET /portal/endpoints/{id}", Rule.PORTAL,
            "GET /portal/endpoints/{id}/events", Rule.PORTAL,
            "GET /portal/endpoints/{id}/{action:activate|suspend|resume}", Rule.PORTAL,
            "POST /portal/endpoints/{id}/{action:activate|suspend|resume}", Rule.PORTAL,
            // --- portal-endpoint: the endpoint page's SIM actions and tabs, CREATE ENDPOINT (begin)
            "GET /portal/endpoints/new", Rule.PORTAL,
            "POST /portal/endpoints/new", Rule.PORTAL,
            "GET /portal/endpoints/{id}/delink", Rule.PORTAL,
            "GET /portal/endpoints/{id}/delete", Rule.PORTAL,
            "POST /portal/endpoints/{id}/delink", Rule.PORTAL,
            "POST /portal/endpoints/{id}/delete", Rule.PORTAL,
            "GET /portal/endpoints/{id}/link", Rule.PORTAL,
            "POST /portal/endpoints/{id}/link", Rule.PORTAL,
            "GET /portal/endpoints/{id}/swap", Rule.PORTAL,
            "POST /portal/endpoints/{id}/swap", Rule.PORTAL,
            "GET /portal/endpoints/{id}/usage", Rule.PORTAL,
            "GET /portal/endpoints/{id}/diagnosis", Rule.PORTAL,
            "POST /portal/endpoints/{id}/blacklist", Rule.PORTAL,
            "GET /portal/endpoints/{id}/counter", Rule.PORTAL,
            "GET /portal/endpoints/{id}/benefits", Rule.PORTAL,
            "POST /portal/endpoints/{id}/threshold", Rule.PORTAL,
            "GET /portal/endpoints/{id}/addons", Rule.PORTAL,
            "POST /portal/endpoints/{id}/addons", Rule.PORTAL,
            "GET /portal/endpoints/{id}/change", Rule.PORTAL,
            "POST /portal/endpoints/{id}/plan", Rule.PORTAL,
            "POST /portal/endpoints/{id}/roaming", Rule.PORTAL,
            "POST /portal/endpoints/{id}/modify", Rule.PORTAL,
            // --- portal-endpoint (end)
            "GET /portal/support", Rule.PORTAL,
            "POST /portal/support/open", Rule.PORTAL,
            // --- portal-sims: SIMs, bulk jobs, operator pages, leaving support access
            "GET /portal/sims", Rule.PORTAL,
            "GET /portal/sims/ready", Rule.PORTAL,
            "GET /portal/sims/export", Rule.PORTAL,
            "GET /portal/bulk/provision", Rule.PORTAL,
            "POST /portal/bulk/provision", Rule.PORTAL,
            "GET /portal/bulk/modify", Rule.PORTAL,
            "POST /portal/bulk/modify", Rule.PORTAL,
            "GET /portal/jobs", Rule.PORTAL,
            "GET /portal/jobs/{id}", Rule.PORTAL,
            "GET /portal/jobs/{id}/results", Rule.PORTAL,
            "GET /portal/operator/accounts", Rule.PORTAL,
            "POST /portal/operator/accounts", Rule.PORTAL,
            "GET /portal/operator/users", Rule.PORTAL,
            "POST /portal/operator/users", Rule.PORTAL,
            "GET /portal/operator/catalog", Rule.PORTAL,
            "GET /portal/operator/sims", Rule.PORTAL,
            "POST /portal/operator/sims", Rule.PORTAL,
            "POST /portal/support/leave", Rule.PORTAL,
            // --- end portal-sims
            // --- portal-catalog: catalog, Statistics and Billing pages
            "GET /portal/apn", Rule.PORTAL,
            "GET /portal/apn/export", Rule.PORTAL,
            "GET /portal/plans", Rule.PORTAL,
            "GET /portal/plans/export", Rule.PORTAL,
            "GET /portal/coverage", Rule.PORTAL,
            "GET /portal/coverage/export", Rule.PORTAL,
            "GET /portal/services", Rule.PORTAL,
            "GET /portal/services/export", Rule.PORTAL,
            "GET /portal/tariff", Rule.PORTAL,
            "GET /portal/tariff/export", Rule.PORTAL,
            "GET /portal/statistics", Rule.PORTAL,
            "GET /portal/statistics/export", Rule.PORTAL,
            "GET /portal/billing", Rule.PORTAL,
            "GET /portal/billing/export", Rule.PORTAL);
            // --- end portal-catalog

    @Autowired
    ApplicationContext context;

    private final Map<Caller, Api> callers = new LinkedHashMap<>();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Route(String method, String pattern) {
        String key() {
            return method + " " + pattern.toLowerCase(Locale.ROOT);
        }

        /** A concrete path: path variables filled with the operator's own account. */
        String path() {
            return pattern.replace("{action:activate|suspend|resume}", "suspend").replace("{id}", "10000001").replace("{endpointId}", "51368592").replace("{imsi}", "206281000015190")
                    .replace("{tadig}", "BELTB").replace("{vSliceId}", "7100001").replace("{iccid}", "8932042000000015190")
                    .replace("/**", "/anything");
        }
    }

    @Test
    void everyMappedRouteHasARule() {
        Set<String> mapped = new TreeSet<>();
        routes().forEach(r -> mapped.add(r.key()));
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(RULES.keySet());
        assertTrue(missing.isEmpty(), "routes without a rule in RouteSecurityTest.RULES: " + missing);
        Set<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(mapped);
        assertTrue(stale.isEmpty(), "rules for routes that no longer exist: " + stale);
    }

    @Test
    void everyRouteAnswersEveryCallerByItsRuleInEverySpelling() {
        prepareCallers();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Route route : routes()) {
            Rule rule = RULES.get(route.key());
            if (rule == null) continue; // reported by everyMappedRouteHasARule
            String method = route.method().equals("ANY") ? "GET" : route.method();
            if (rule == Rule.PORTAL || rule == Rule.PORTAL_PUBLIC) {
                requests += checkPortal(failures, route, rule, method);
                continue;
            }
            for (Caller caller : Caller.values()) {
                boolean allowed = allowed(rule, caller);
                String path = route.path();
                Resp plain = call(caller, method, path);
                requests++;
                check(failures, route, caller, path, plain, allowed);
                for (String variant : equivalentSpellings(path)) {
                    Resp r = call(caller, method, variant);
                    requests++;
                    // a spelling that routes like the plain path must be judged like it
                    check(failures, route, caller, variant, r, allowed || !isDenial(r));
                    if (!allowed && !isDenial(r)) failures.add(describe(route, caller, variant, r, "reached by another spelling"));
                }
                // not a route (no trailing-slash matching): never reached, whoever asks; "//" is no normalised path at all
                Resp slash = call(caller, method, path + "/");
                requests++;
                boolean refusedByFirewall = path.equals("/") && slash.status() == 400 && "1001".equals(slash.code());
                if (!isDenial(slash) && !(slash.status() == 404 && "1001".equals(slash.code())) && !refusedByFirewall) {
                    failures.add(describe(route, caller, path + "/", slash, "expected a refusal or 404"));
                }
                for (String variant : refusedSpellings(path)) {
                    Resp r = call(caller, method, variant);
                    requests++;
                    if (r.status() != 400 || !"1001".equals(r.code())) {
                        failures.add(describe(route, caller, variant, r, "expected 400 / 1001 from the firewall"));
                    }
                }
            }
        }
        assertTrue(requests > 1000, "walked " + requests + " requests");
        if (!failures.isEmpty()) fail(failures.size() + " answers broke their route's rule:\n" + String.join("\n", failures));
    }

    /**
     * A portal route with every API caller (their tokens mean nothing to the portal's chain) in
     * every spelling: a page answers what it answers anyone without a session — GET the way to
     * the login page, a write 403 (no CSRF token) — and the login page and files are served.
     */
    private int checkPortal(List<String> failures, Route route, Rule rule, String method) {
        int requests = 0;
        // a token means nothing to the portal's chain: no token, an enterprise's and an operator's stand for all
        for (Caller caller : List.of(Caller.NONE, Caller.CUSTOMER, Caller.OPERATOR)) {
            String path = route.path();
            List<String> spellings = new ArrayList<>(equivalentSpellings(path));
            spellings.add(0, path);
            if (rule == Rule.PORTAL) spellings.add(path + "/");
            for (String variant : spellings) {
                Resp r = call(caller, method, variant);
                requests++;
                if (r.status() >= 500) failures.add(describe(route, caller, variant, r, "server error"));
                boolean toLogin = r.status() == 302 && String.valueOf(r.header("Location")).endsWith("/portal/login");
                if (rule == Rule.PORTAL && !(method.equals("GET") ? toLogin : r.status() == 403)) {
                    failures.add(describe(route, caller, variant, r, method.equals("GET") ? "expected the way to the login page" : "expected 403"));
                }
                if (rule == Rule.PORTAL_PUBLIC && (toLogin || r.status() == 401 || r.status() == 403)) {
                    failures.add(describe(route, caller, variant, r, "refused a public portal file"));
                }
            }
            for (String variant : refusedSpellings(path)) {
                Resp r = call(caller, method, variant);
                requests++;
                if (r.status() != 400 || !"1001".equals(r.code())) {
                    failures.add(describe(route, caller, variant, r, "expected 400 / 1001 from the firewall"));
                }
            }
        }
        return requests;
    }

    private void check(List<String> failures, Route route, Caller caller, String path, Resp r, boolean allowed) {
        // login and refresh answer their tokens, the operator API and the health probes their own JSON (docs/api-compatibility.md),
        // the metrics Prometheus' text and the root page HTML
        boolean ownFormat = route.pattern().startsWith("/admin") || route.pattern().startsWith("/actuator/health")
                || route.key().equals("GET /actuator/prometheus") || route.key().equals("GET /")
                || route.key().equals("POST /api/login")
                || route.key().equals("GET /api/refreshtoken");
        if (!r.json().has("Response") && !(allowed && ownFormat)) {
            failures.add(describe(route, caller, path, r, "not the envelope"));
            return;
        }
        if (r.status() >= 500) {
            failures.add(describe(route, caller, path, r, "server error"));
            return;
        }
        if (allowed) {
            if (isDenial(r)) failures.add(describe(route, caller, path, r, "refused a caller the rule allows"));
            return;
        }
        boolean anonymous = caller.ordinal() <= Caller.DISABLED.ordinal();
        if (anonymous) {
            if (r.status() != 401 || !"401".equals(r.code())) failures.add(describe(route, caller, path, r, "expected 401"));
        } else if (route.pattern().startsWith("/api")) {
            if (r.status() != 200 || !"10002".equals(r.code())) failures.add(describe(route, caller, path, r, "expected 200 / 10002"));
        } else if (r.status() != 403 || !"10002".equals(r.code())) {
            failures.add(describe(route, caller, path, r, "expected 403 / 10002"));
        }
    }

    private static boolean allowed(Rule rule, Caller caller) {
        return switch (rule) {
            case PUBLIC -> true;
            case NOBODY, PORTAL, PORTAL_PUBLIC -> false; // the portal's rules are checked by checkPortal
            case OPERATOR -> caller == Caller.OPERATOR;
            case ENTERPRISE -> caller == Caller.CUSTOMER || caller == Caller.SUPPORT;
            case ANY_ACCOUNT -> caller.ordinal() >= Caller.CUSTOMER.ordinal();
        };
    }

    /** The answers of the security layer itself: no token, a refused token, a refused account type. */
    private static boolean isDenial(Resp r) {
        return (r.status() == 401 && "401".equals(r.code()) && r.description().contains("access token"))
                || (r.status() == 401 && r.description().contains("account disabled"))
                || "10002".equals(r.code());
    }

    /** Spellings the router treats as the plain path: letter case, percent-encoded letters, query parameters. */
    static List<String> equivalentSpellings(String path) {
        List<String> out = new ArrayList<>();
        out.add(path.toUpperCase(Locale.ROOT));
        out.add(path.toLowerCase(Locale.ROOT));
        out.add(encodeFirstLetterOfEverySegment(path));
        out.add(path + "?x=%2Fadmin&y=;z");
        return out;
    }

    /** Spellings that are not a normalised path: refused before any rule or route. */
    static List<String> refusedSpellings(String path) {
        String first = path.substring(1, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
        String rest = path.substring(1 + first.length());
        List<String> out = new ArrayList<>(List.of(
                "/" + first + ";x" + rest,
                "/" + first + rest + ";jsessionid=1",
                "/" + path,
                "/." + path,
                "/api/.." + path,
                "/" + first + "/%2e%2e" + path,
                "/" + first + "%2F" + rest.replaceFirst("^/", ""),
                "/" + first + "%5C" + rest.replaceFirst("^/", "")));
        // the first letter as an encoded '%' (the root has none)
        if (path.length() > 1) out.add("/%25" + Integer.toHexString(path.charAt(1)) + path.substring(2));
        return out;
    }

    private static String encodeFirstLetterOfEverySegment(String path) {
        StringBuilder b = new StringBuilder();
        for (String seg : path.substring(1).split("/", -1)) {
            b.append('/');
            if (!seg.isEmpty() && Character.isLetter(seg.charAt(0))) {
                b.append('%').append(Integer.toHexString(seg.charAt(0)).toUpperCase(Locale.ROOT)).append(seg.substring(1));
            } else {
                b.append(seg);
            }
        }
        return b.toString();
    }

    private String describe(Route route, Caller caller, String path, Resp r, String what) {
        return "  " + route.key() + " as " + caller + " via " + path + ": " + what + " — got " + r.status() + " "
                + r.raw().substring(0, Math.min(200, r.raw().length()));
    }

    private Resp call(Caller caller, String method, String path) {
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        return callers.get(caller).send(method, path, body);
    }

    private void prepareCallers() {
        Api anon = anon();
        callers.put(Caller.NONE, anon);
        clock.advance(Duration.ofHours(-3));
        callers.put(Caller.EXPIRED, anon.withToken(anon.login("admin", "admin").token()));
        clock.reset();
        String operator = anon.login("admin", "admin").token();
        String[] p = operator.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8).replace("\"admin\"", "\"root\"");
        String forged = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + p[2];
        callers.put(Caller.FORGED, anon.withToken(forged));
        callers.put(Caller.REFRESH, anon.withToken(anon.loginRaw("admin", "admin", null).json().path("RefreshToken").asString()));
        Fixtures fixtures = new Fixtures(anon);
        Tenant disabled = fixtures.enterprise(0);
        assertEquals(200, fixtures.admin().patch("/admin/accounts/" + disabled.accountId(), Api.map("active", false)).status());
        callers.put(Caller.DISABLED, disabled.api());
        callers.put(Caller.CUSTOMER, as("customer"));
        String support = anon.loginRaw("reseller", "reseller", 41078552L).json().path("AccessToken").asString();
        callers.put(Caller.SUPPORT, anon.withToken(support));
        callers.put(Caller.RESELLER, as("reseller"));
        callers.put(Caller.OPERATOR, anon.withToken(operator));
        assertEquals("10910", callers.get(Caller.OPERATOR).get("/api/Ping").code(), "the operator token works");
        assertEquals(401, callers.get(Caller.EXPIRED).get("/api/Ping").status(), "the expired token has expired");
    }

    /** Every route of every handler mapping of the application. */
    private List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (HandlerMapping mapping : context.getBeansOfType(HandlerMapping.class).values()) {
            if (mapping instanceof AbstractHandlerMethodMapping<?> methods) {
                for (Object info : methods.getHandlerMethods().keySet()) {
                    RequestMappingInfo rmi = (RequestMappingInfo) info;
                    Set<RequestMethod> verbs = rmi.getMethodsCondition().getMethods();
                    for (PathPattern pattern : rmi.getPathPatternsCondition().getPatterns()) {
                        if (verbs.isEmpty()) out.add(new Route("ANY", pattern.getPatternString()));
                        verbs.forEach(v -> out.add(new Route(v.name(), pattern.getPatternString())));
                    }
                }
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().keySet().forEach(p -> out.add(new Route("GET", p)));
                if (urls.getRootHandler() != null) out.add(new Route("GET", "/"));
            }
        }
        return out.stream().distinct().toList();
    }

    private static Map<String, Rule> rules(Object... kv) {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (m.put((String) kv[i], (Rule) kv[i + 1]) != null) throw new IllegalStateException("rule twice: " + kv[i]);
        }
        return m;
    }
}
