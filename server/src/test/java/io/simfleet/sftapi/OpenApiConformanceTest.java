package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static io.simfleet.testkit.Api.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.simfleet.common.ResultCode;
import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Exchange;
import io.simfleet.testkit.ExchangeLog;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.OpenApiContract;
import io.simfleet.testkit.OpenApiContract.Operation;
import io.simfleet.testkit.Resp;
import io.simfleet.testkit.RunsLast;
import io.simfleet.testkit.TestPlanClasses;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI descriptions (static/openapi/sft.yaml and admin.yaml, docs/openapi.md) hold:
 * every route the server maps is described and every described path is mapped; both are valid
 * OpenAPI 3.1 in which every field has a type and a description and every SFT call lists its
 * result codes, all of them the server's; they and Swagger UI are served to anyone, read only;
 * and every exchange the HTTP tests made kept them ({@link ExchangeLog} checks each one as it
 * happens; this class runs last and sums up).
 */
@RunsLast
class OpenApiConformanceTest extends ApiTestBase {

    /** Mapped routes the descriptions leave out, and why. */
    static final Map<String, String> NOT_DESCRIBED = Map.of(
            "ANY /error", "the container's error dispatch only; refused when asked for",
            "GET /actuator", "Actuator's index: refused",
            "GET /**", "static files: the descriptions themselves and Swagger UI",
            "GET /webjars/**", "Swagger UI's files");

    /**
     * The web portal's pages and files (docs/portal.md): HTML for people with a session, not API
     * calls, so never described; RouteSecurityTest holds every one of them to the portal's chain
     * (no bearer token reaches them, nothing without a session but the login page and its files).
     */
    static boolean portal(String route) {
        String path = route.substring(route.indexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return path.equals("/portal") || path.startsWith("/portal/");
    }

    @Autowired
    ApplicationContext context;

    private final OpenApiContract contract = OpenApiContract.shared();

    @Test
    void everyMappedRouteIsDescribedAndEveryDescribedOperationIsMapped() {
        Set<String> mapped = new TreeSet<>();
        for (String route : routes()) {
            if (!NOT_DESCRIBED.containsKey(route) && !portal(route)) mapped.add(normalised(route));
        }
        Set<String> described = new TreeSet<>();
        for (Operation op : contract.operations()) described.add(normalised(op.method() + " " + op.path()));
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(described);
        Set<String> stale = new TreeSet<>(described);
        stale.removeAll(mapped);
        assertTrue(missing.isEmpty(), "mapped routes no description has (add them to static/openapi/, or to NOT_DESCRIBED with why): " + missing);
        assertTrue(stale.isEmpty(), "described operations no route maps: " + stale);
        assertTrue(mapped.size() > 50, "found " + mapped.size() + " routes");
    }

    @Test
    void theDescriptionsAreValidOpenApi31() throws IOException {
        for (String doc : OpenApiContract.DOCUMENTS) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(doc), null, options);
            assertNotNull(result.getOpenAPI(), doc + " could not be read: " + result.getMessages());
            assertEquals("3.1.0", result.getOpenAPI().getOpenapi(), doc);
            assertEquals(List.of(), result.getMessages(), doc + ": what an OpenAPI 3.1 reader says of it");
        }
    }

    /** What the issue asks of them: every field with a type and a description, every SFT call with its result codes. */
    @Test
    void everyFieldHasATypeAndADescriptionAndEveryCallItsResultCodes() {
        Set<String> serverCodes = Arrays.stream(ResultCode.values()).map(c -> Integer.toString(c.code())).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> d : contract.documents().entrySet()) {
            lint(d.getKey(), "", d.getValue(), problems, serverCodes);
        }
        for (Operation op : contract.operations()) {
            String where = op.doc() + " " + op.method() + " " + op.path();
            if (op.operationId() == null || !operationIds.add(op.operationId())) problems.add(where + ": no operationId, or one used twice");
            for (String field : List.of("summary", "description", "tags", "responses")) {
                if (!op.node().has(field)) problems.add(where + ": no " + field);
            }
            if (op.path().startsWith("/api/") && !op.path().equalsIgnoreCase("/api/login") && !op.path().equalsIgnoreCase("/api/RefreshToken")) {
                JsonNode ok = op.node().path("responses").path("200");
                String ref = ok.path("$ref").asString("");
                JsonNode response = ref.isEmpty() ? ok : contract.documents().get(op.doc()).at(ref.substring(1));
                String schema = response.path("content").path("application/json").path("schema").path("$ref").asString("");
                JsonNode codes = contract.documents().get(op.doc()).at(schema.substring(1)
                        + "/properties/Response/properties/resultParam/properties/resultCode/enum");
                if (!codes.isArray() || codes.isEmpty()) problems.add(where + ": its answer lists no result codes");
            }
        }
        if (!problems.isEmpty()) fail(problems.size() + " problems:\n  " + String.join("\n  ", problems));
    }

    private static void lint(String doc, String pointer, JsonNode node, List<String> problems, Set<String> serverCodes) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject() && !pointer.endsWith("/properties")) {
                props.properties().forEach(p -> {
                    JsonNode s = p.getValue();
                    boolean typed = s.has("type") || s.has("$ref") || s.has("const") || s.has("enum") || s.has("oneOf") || s.has("anyOf") || s.has("allOf");
                    boolean described = s.has("description") || s.has("$ref") && s.path("description").isString();
                    if (!typed || !s.has("description")) {
                        problems.add(doc + " " + pointer + "/properties/" + p.getKey() + ": needs " + (typed ? "" : "a type") + (typed || described ? "" : " and ") + (s.has("description") ? "" : "a description"));
                    }
                });
            }
            JsonNode rc = node.path("properties").path("resultParam").path("properties").path("resultCode").path("enum");
            if (rc.isArray()) {
                for (JsonNode c : rc.values()) {
                    if (!serverCodes.contains(c.asString())) problems.add(doc + " " + pointer + ": result code " + c.asString() + " is not one of ResultCode");
                }
            }
            node.properties().forEach(p -> lint(doc, pointer + "/" + p.getKey(), p.getValue(), problems, serverCodes));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) lint(doc, pointer + "/" + i, node.get(i), problems, serverCodes);
        }
    }

    @Test
    void theDescriptionsAndSwaggerUiAreServedToAnyoneReadOnly() throws IOException {
        Api anon = anon();
        for (String doc : OpenApiContract.DOCUMENTS) {
            Resp r = anon.get("/openapi/" + doc);
            assertEquals(200, r.status(), doc);
            assertEquals(text(doc), r.raw(), doc + " is served as it is in the jar");
            assertTrue(r.header("Content-Type").contains("yaml"), doc + ": " + r.header("Content-Type"));
            assertFalse(List.of(200, 201, 204).contains(anon.post("/openapi/" + doc, "openapi: 3.1.0").status()), "POST " + doc);
            assertFalse(List.of(200, 201, 204).contains(as("admin").put("/openapi/" + doc, "openapi: 3.1.0").status()), "PUT " + doc);
            assertEquals(text(doc), anon.get("/openapi/" + doc).raw(), doc + " unchanged");
        }
        Resp page = anon.get("/swagger-ui/index.html");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        Resp init = anon.get("/swagger-ui/simfleet-initializer.js");
        assertEquals(200, init.status());
        assertTrue(init.raw().contains("../openapi/sft.yaml") && init.raw().contains("../openapi/admin.yaml"), init.raw());
        // every file the page loads is served, from the jar, to anyone
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.raw());
        int assets = 0;
        while (m.find()) {
            String path = "/swagger-ui/" + m.group(1);
            path = path.replace("/swagger-ui/../", "/");
            Resp asset = anon.get(path);
            assertEquals(200, asset.status(), path);
            assertFalse(asset.raw().isEmpty(), path);
            assets++;
        }
        assertTrue(assets >= 5, "the page loads " + assets + " files");
        // the web jar's own page would load an online example: not served; nor anything else of the web jar
        assertEquals(401, anon.get("/webjars/swagger-ui/index.html").status());
        assertEquals(401, anon.get("/webjars/swagger-ui/swagger-initializer.js").status());
    }

    /** The contract is no rubber stamp: it names the call and the field of what breaks it. */
    @Test
    void theContractNamesTheCallAndTheFieldOfWhatBreaksIt() {
        String envelope = "{\"Response\":{\"responseId\":\"12345678901234567\",\"responseTimestamp\":\"27/11/2026 10:00:00\","
                + "\"resultCode\":\"0\",\"resultParam\":{\"resultCode\":\"6411\",\"resultDescription\":\"Create endpoint success\"},"
                + "\"endPointId\":\"51368592\"}}";
        String body = "{\"Request\":{\"requestParam\":{\"name\":\"x\",\"isLinkSIM\":false,\"roamingProfileId\":\"358\",\"apnGroupId\":\"PDP_3\","
                + "\"planId\":\"P\",\"isDefaultActivation\":false}}}";
        assertEquals(List.of(), check("POST", "/api/createEndpoint", body, 200, envelope), "a good exchange, in another letter case");
        assertBroken(check("POST", "/api/CreateEndPoint", body, 200, envelope.replace("\"endPointId\":\"51368592\"", "\"endPointId\":51368592")),
                "/Response/endPointId", "integer");
        assertBroken(check("POST", "/api/CreateEndPoint", body, 200, envelope.replace("\"endPointId\"", "\"endpointId\"")),
                "/Response", "endpointId");
        assertBroken(check("POST", "/api/CreateEndPoint", body, 200, envelope.replace("\"6411\"", "\"10068\"")),
                "/Response/resultParam/resultCode", "enum");
        assertBroken(check("POST", "/api/CreateEndPoint", body.replace("\"name\"", "\"nmae\""), 200, envelope), "request", "nmae");
        assertBroken(check("GET", "/api/GetEndpoints?page=x", null, 200, envelope.replace("\"6411\"", "\"6742\"")
                .replace(",\"endPointId\":\"51368592\"", "")), "page", "pattern");
        assertBroken(check("GET", "/admin/accounts/10000001", null, 200, "{\"id\":\"10000001\"}"), "/id", "string");
        assertBroken(check("GET", "/api/NoSuchCall", null, 200, envelope), "response", "no GET /api/NoSuchCall");
        assertBroken(check("POST", "/api/CreateEndPoint", body, 202, envelope), "status 202", "not described");
        // a request refused as malformed is not held to the request description, its answer is
        String refusal = envelope.replace("\"0\",\"resultParam\":{\"resultCode\":\"6411\"", "\"1\",\"resultParam\":{\"resultCode\":\"1001\"")
                .replace(",\"endPointId\":\"51368592\"", "");
        assertEquals(List.of(), check("POST", "/api/CreateEndPoint", "{\"Request\":\"x\"}", 200, refusal));
        String message = contract.check(exchange("POST", "/api/CreateEndPoint", body, 200, envelope.replace("\"6411\"", "\"1\""))).describe(
                exchange("POST", "/api/CreateEndPoint", body, 200, envelope));
        assertTrue(message.contains("POST /api/CreateEndPoint → 200") && message.contains("createEndPoint")
                && message.contains("OpenApiConformanceTest"), message);
    }

    private List<String> check(String method, String target, String body, int status, String answer) {
        return contract.check(exchange(method, target, body, status, answer)).violations();
    }

    private static Exchange exchange(String method, String target, String body, int status, String answer) {
        Map<String, String> req = body == null ? Map.of() : Map.of("Content-Type", "application/json");
        return new Exchange(method, target, req, body, status, Map.of("Content-Type", "application/json"), answer,
                "OpenApiConformanceTest.theContractNamesTheCallAndTheFieldOfWhatBreaksIt");
    }

    private static void assertBroken(List<String> violations, String where, String what) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(where) && v.contains(what)),
                "expected a violation naming " + where + " and " + what + ", got " + violations);
    }

    /**
     * Every exchange of the HTTP tests was checked as it happened (a broken one failed its test);
     * this sums up. When the whole HTTP layer ran, every described operation must have been
     * exercised with a success at least once, so that no part of the description goes unchecked.
     */
    @Test
    void everyExchangeOfTheSuiteKeptTheDescriptions() {
        Assumptions.assumeTrue(ExchangeLog.validating(), "-Dsimfleet.openapi.validate=false");
        long before = ExchangeLog.checked();
        exerciseWhatTheOtherTestsLeaveOut();
        assertTrue(ExchangeLog.checked() > before, "the test kit's client checks its exchanges");
        List<String> failures = ExchangeLog.failures();
        if (!failures.isEmpty()) {
            fail(failures.size() + " exchanges broke the OpenAPI descriptions:\n" + String.join("\n", failures));
        }
        Set<String> httpClasses = httpTestClasses();
        Set<String> inPlan = TestPlanClasses.inPlan();
        Assumptions.assumeTrue(inPlan.containsAll(httpClasses),
                "not every HTTP test class ran, so operations may go unexercised; checked " + ExchangeLog.checked() + " exchanges, all kept the descriptions");
        Map<String, long[]> seen = ExchangeLog.byOperation();
        List<String> unexercised = new ArrayList<>();
        for (Operation op : contract.operations()) {
            long[] n = seen.get(op.operationId());
            if (n == null || n[1] == 0) unexercised.add(op.operationId() + " (" + op.method() + " " + op.path() + ")");
        }
        assertTrue(unexercised.isEmpty(), "operations no test exercised with a success, so nothing checks their description: " + unexercised);
    }

    /** Successes no other test makes: the alias of EndPointActivation, a new SIM product, and the other calls once more. */
    private void exerciseWhatTheOtherTestsLeaveOut() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(2);
        Api api = t.api();
        String id = api.post("/api/CreateEndPoint", Fixtures.createBody(t, t.iccids().get(0), false)).expect("6409")
                .response().path("endPointId").asString();
        api.post("/api/activateEndpoint", map("endpointInfo", map("endpointId", id))).expect("5014");
        api.get("/api/GetEndpoints?page=1&perPage=10").expect("6742");
        api.get("/api/GetEndPointProfile?endPointId=" + id).expect("1082");
        api.post("/api/EndPointLifeCycleChange", map("Request", map("endPointId", id, "requestParam", map("lifeCycle", "S")))).expect("5017");
        api.post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "conformance"))))).expect("10149");
        fx.admin().post("/admin/sim-products", map("name", "conformance-" + System.nanoTime(), "cardClass", "MFF2")).expect(201, "");
        anon().get("/actuator/health/readiness");
        assertEquals("10910", api.get("/api/Ping").code());
        assertEquals("10002", as("reseller").post("/api/CreateEndPoint", request("name", "x")).code());
    }

    /** Every class of the HTTP layer (extends ApiTestBase). */
    private static Set<String> httpTestClasses() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(ApiTestBase.class));
        Set<String> out = new TreeSet<>();
        for (BeanDefinition d : scan.findCandidateComponents("io.simfleet")) out.add(d.getBeanClassName());
        out.remove(ApiTestBase.class.getName());
        return out;
    }

    // --- routes, as RouteSecurityTest reads them

    private List<String> routes() {
        List<String> out = new ArrayList<>();
        for (HandlerMapping mapping : context.getBeansOfType(HandlerMapping.class).values()) {
            if (mapping instanceof AbstractHandlerMethodMapping<?> methods) {
                for (Object info : methods.getHandlerMethods().keySet()) {
                    RequestMappingInfo rmi = (RequestMappingInfo) info;
                    Set<RequestMethod> verbs = rmi.getMethodsCondition().getMethods();
                    for (PathPattern pattern : rmi.getPathPatternsCondition().getPatterns()) {
                        if (verbs.isEmpty()) out.add("ANY " + pattern.getPatternString());
                        verbs.forEach(v -> out.add(v.name() + " " + pattern.getPatternString()));
                    }
                }
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().keySet().forEach(p -> out.add("GET " + p));
                if (urls.getRootHandler() != null) out.add("GET /");
            }
        }
        return out.stream().distinct().toList();
    }

    /** "METHOD path" in lower case with every path variable (and a trailing /**) as {}. */
    static String normalised(String route) {
        return route.replaceAll("\\{[^}]*}", "{}").replaceAll("/\\*\\*$", "/{}").toLowerCase(Locale.ROOT);
    }

    private static String text(String doc) throws IOException {
        try (InputStream in = OpenApiConformanceTest.class.getClassLoader().getResourceAsStream("static/openapi/" + doc)) {
            assertNotNull(in, doc);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
