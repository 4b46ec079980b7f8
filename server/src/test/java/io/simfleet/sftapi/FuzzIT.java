package io.simfleet.sftapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.simfleet.SimfleetApplication;
import io.simfleet.testkit.Api;
import io.simfleet.testkit.RawHttp;
import io.simfleet.testkit.Resp;
import io.simfleet.testkit.SimfleetTestInitializer;
import io.simfleet.testkit.TestClockConfig;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bounded fuzz run over every SFT call's fields and over raw paths and query strings, against
 * a server of its own. Whatever comes in: never a 5xx, always the envelope on {@code /api}, and
 * a refused request leaves every table exactly as it was (a fingerprint of every row of every
 * table, taken before and after).
 */
class FuzzIT {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static ConfigurableApplicationContext app;
    private static int port;
    private static JdbcClient jdbc;
    private static String fingerprintSql;
    private static String customer;
    private static String operator;

    /**
     * A call with every field and query parameter it reads (the wrappers included); SFT calls
     * are made with the customer's token, operator calls with the operator's, login with none.
     */
    record Call(String method, String path, List<String> fields) {
        boolean admin() {
            return path.startsWith("/admin");
        }

        boolean login() {
            return path.equals("/api/login");
        }
    }

    static final List<Call> CALLS = List.of(
            new Call("POST", "/api/CreateEndPoint", List.of("name", "iccid", "imsi", "msisdn", "imei", "imeiLockStatus",
                    "apnGroupId", "planId", "roamingProfileId", "isLinkSIM", "isDefaultActivation", "addonPlanIds", "tagIds",
                    "valueAddedFeatureIds", "benefits", "endPointNameId")),
            new Call("PATCH", "/api/endpoint", List.of("endPointId", "name", "imei", "imeiLockStatus", "addtagIds", "removetagIds",
                    "addAddonPlanIds", "removeAddonPlanIds", "removeAddonUniqueIds", "addDynamicBenefitsIds", "removeDynamicBenefitsIds",
                    "addValueAddedFeatureIds", "removeValueAddedFeatureIds", "planId", "barring", "services")),
            new Call("POST", "/api/modifyEndpoint", List.of("endPointId", "name", "imei", "imeiLockStatus", "planId", "tagIds")),
            new Call("POST", "/api/DeleteEndPoint", List.of("endPointId", "reason")),
            new Call("POST", "/api/LinkSim", List.of("endPointId", "iccid", "imsi", "msisdn")),
            new Call("POST", "/api/DeLinkSim", List.of("endPointId", "iccid", "reason")),
            new Call("POST", "/api/EndPointActivation", List.of("endPointId", "iccid")),
            new Call("POST", "/api/activateEndpoint", List.of("endPointId")),
            new Call("POST", "/api/EndPointLifeCycleChange", List.of("endPointId", "lifeCycle", "reason")),
            new Call("POST", "/api/changeEndpointLifecycle", List.of("endPointId", "lifeCycle")),
            new Call("POST", "/api/ChangeEndpointRoamingProfile", List.of("endPointId", "roamingProfileId")),
            new Call("POST", "/api/ChangePlan", List.of("endPointId", "planId")),
            new Call("POST", "/api/bulkProvisioning", List.of("bulkProvisioningInfo", "startICCID", "endICCID", "iccidList",
                    "quantity", "endPointName", "apnGroupId", "planId", "roamingProfileId", "isDefaultActivation", "tagIds")),
            new Call("PATCH", "/api/endpointbulk", List.of("resourceType", "valuelist", "planId", "tagIds", "lifeCycle", "name")),
            new Call("POST", "/api/createTag", List.of("tagInfo", "createTag", "tagName", "tagDescription")),
            new Call("GET", "/api/GetEndpoints", List.of("page", "perPage", "tagId", "endpointId", "endPointName")),
            new Call("GET", "/api/GetEndPointProfile", List.of("endPointId", "imsi", "iccid", "msisdn")),
            new Call("GET", "/api/GetEndpointEvents", List.of("endPointId", "page", "perPage")),
            new Call("GET", "/api/fetchSIM", List.of("page", "perPage", "iccid", "simStatusId", "imsi", "msisdn")),
            new Call("GET", "/api/fetchSIMProvisioningDetails", List.of("simProvisionId", "endpointStatus")),
            new Call("GET", "/api/getJobStatus", List.of("jobId")),
            new Call("GET", "/api/QueryRatePlan", List.of("planCategory", "planType")),
            new Call("GET", "/api/GetPlans", List.of("endPointId")),
            new Call("GET", "/api/GetServiceProfile", List.of("serviceProfileId")),
            new Call("GET", "/api/GetRoamingProfiles", List.of("roamingProfileId")),
            new Call("GET", "/api/fetchApnGroup", List.of()),
            new Call("GET", "/api/fetchICCIDForProvisioning", List.of()),
            new Call("GET", "/api/GetTags", List.of()),
            new Call("GET", "/api/GetSIMProduct", List.of()),
            new Call("GET", "/api/GetCustomerProfile", List.of()),
            new Call("GET", "/api/Ping", List.of()),
            // login: a refused attempt counts as a failed login (that is its purpose), so only the answer is checked
            new Call("POST", "/api/login", List.of("username", "password", "targetAccountId")),
            new Call("POST", "/admin/resellers", List.of("accountId", "parentAccountId", "name", "username", "password")),
            new Call("POST", "/admin/enterprises", List.of("accountId", "parentAccountId", "name", "subscriberType", "oemEnabled",
                    "dynamicBenefitOnly", "lowBalance", "username", "password", "defaults")),
            new Call("PATCH", "/admin/accounts/41078552", List.of("oemEnabled", "dynamicBenefitOnly", "lowBalance")),
            new Call("POST", "/admin/accounts/41078552/users", List.of("username", "password")),
            new Call("POST", "/admin/accounts/41078552/apn-groups", List.of("apnGroupId", "name", "defaultApn", "apns")),
            new Call("POST", "/admin/accounts/41078552/service-profiles", List.of("serviceProfileId", "name", "ratType", "features")),
            new Call("POST", "/admin/accounts/41078552/roaming-profiles", List.of("roamingProfileId", "name", "test", "networks")),
            new Call("POST", "/admin/accounts/41078552/plans", List.of("planId", "name", "description", "category", "planType",
                    "validityDays", "amount", "roamingProfileIds", "serviceProfileId", "benefits", "counters")),
            new Call("POST", "/admin/accounts/41078552/dynamic-benefits", List.of("dynamicBenefitId", "name", "pooled", "priority",
                    "roamingProfileIds", "dataMb", "autoRenewal")),
            new Call("POST", "/admin/accounts/41078552/value-added-features", List.of("valueAddedFeatureId", "name")),
            new Call("POST", "/admin/sim-products", List.of("simProductId", "name", "cardClass")),
            new Call("POST", "/admin/accounts/41078552/sims", List.of("sims", "iccid", "masterImsi", "supplierImsis", "msisdn",
                    "ean", "product")),
            new Call("GET", "/admin/accounts/41078552/activity", List.of("limit")));

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(SimfleetApplication.class, TestClockConfig.class)
                .initializers(new SimfleetTestInitializer())
                .properties("spring.main.banner-mode=off")
                // as an argument: default properties lose to application.yml's SERVER_PORT (8080), which may be taken
                .run("--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
        jdbc = JdbcClient.create(app.getBean(DataSource.class));
        List<String> tables = jdbc.sql("""
                SELECT quote_ident(table_name) FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  AND table_name NOT IN ('flyway_schema_history', 'rate_limit_counter')
                ORDER BY table_name""").query(String.class).list();
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            // a kept count per state is its rows' sum: the background compaction folds the rows without changing it
            String rows = t.endsWith("_state_count")
                    ? "(SELECT account_id, status, sum(n) AS n FROM " + t + " GROUP BY 1, 2 HAVING sum(n) <> 0)"
                    : t;
            parts.add("SELECT '" + t + "' || ':' || count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) FROM " + rows + " x");
        }
        fingerprintSql = "SELECT string_agg(f, ' ' ORDER BY f) FROM (" + String.join(" UNION ALL ", parts) + ") s(f)";
        Api anon = new Api(port);
        customer = anon.login("customer", "customer").token();
        operator = anon.login("admin", "admin").token();
    }

    @AfterContainer
    static void stop() {
        if (app != null) app.close();
    }

    // ---- every call's fields ----

    @Property(tries = 800)
    void everyCallRefusesHostileFieldsInTheEnvelopeAndChangesNothing(@ForAll("calls") Call call,
                                                                        @ForAll("fieldSets") List<Map.Entry<Integer, JsonNode>> values,
                                                                        @ForAll("shapes") int shape) throws Exception {
        ObjectNode fields = NODES.objectNode();
        for (Map.Entry<Integer, JsonNode> v : values) {
            if (!call.fields().isEmpty()) fields.set(call.fields().get(v.getKey() % call.fields().size()), v.getValue());
        }
        String before = quietFingerprint();
        Api api = call.login() ? new Api(port) : new Api(port).withToken(call.admin() ? operator : customer);
        Resp r;
        if (call.method().equals("GET")) {
            StringBuilder q = new StringBuilder();
            fields.properties().forEach(e -> q.append(q.isEmpty() ? "?" : "&").append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString(), StandardCharsets.UTF_8)));
            r = api.send("GET", call.path() + q, null);
        } else {
            JsonNode body = call.admin() || call.login() ? (shape == 3 ? NODES.arrayNode().add(fields) : fields) : switch (shape) {
                case 0 -> NODES.objectNode().set("Request", NODES.objectNode().set("requestParam", fields));
                case 1 -> fields;
                case 2 -> NODES.objectNode().set("Request", fields);
                default -> NODES.objectNode().set("Request", NODES.objectNode().set("requestParam", NODES.arrayNode().add(fields)));
            };
            r = api.send(call.method(), call.path(), body.toString());
        }
        boolean refused = r.status() >= 400 || "1".equals(r.result());
        assertAnswer(call.method() + " " + call.path() + " " + fields, r.status(), r.raw(), !(call.admin() || call.login()) || refused && !call.admin());
        if (refused && !call.login()) {
            assertThat(fingerprint()).as("a refused %s %s changed a table: %s", call.method(), call.path(), r.raw()).isEqualTo(before);
        }
    }

    @Property(tries = 150)
    void malformedBodiesAreRefusedInTheEnvelope(@ForAll("calls") Call call, @ForAll("garbage") String body) throws Exception {
        if (call.method().equals("GET")) return;
        String before = quietFingerprint();
        Api api = call.login() ? new Api(port) : new Api(port).withToken(call.admin() ? operator : customer);
        Resp r = api.send(call.method(), call.path(), body);
        assertAnswer(call.path() + " " + abbreviate(body), r.status(), r.raw(), !call.admin());
        if (!call.admin()) {
            // every SFT write has mandatory fields, which no garbage body carries
            assertThat(r.result()).as("%s %s", call.path(), abbreviate(r.raw())).isEqualTo("1");
        } else if (r.status() < 400) {
            return; // the operator API ignores unknown fields: {"a":1} is an empty, valid PATCH
        }
        if (!call.login()) assertThat(fingerprint()).isEqualTo(before);
    }

    // ---- raw paths and query strings ----

    @Property(tries = 500)
    void anyPathAndQueryAnswersTheEnvelopeAndNeverReachesAForbiddenRoute(@ForAll("paths") String path, @ForAll("queries") String query,
                                                                          @ForAll("methods") String method, @ForAll boolean withToken,
                                                                          @ForAll("bodies") String[] sent) throws Exception {
        String before = quietFingerprint();
        byte[] content = sent[1].getBytes(StandardCharsets.UTF_8);
        boolean chunked = sent[2] != null && sent[2].contains("chunked");
        String head = method + " " + path + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (withToken ? "X-Authorization: Bearer " + customer + "\r\n" : "")
                + (sent[0] == null ? "" : "Content-Type: " + sent[0] + "\r\n")
                + (sent[2] != null ? "Transfer-Encoding: " + sent[2] + "\r\n" : "Content-Length: " + content.length + "\r\n")
                + "\r\n"
                + (chunked ? (content.length == 0 ? "" : Integer.toHexString(content.length) + "\r\n" + sent[1] + "\r\n") + "0\r\n\r\n" : sent[1]);
        RawHttp.Answer answer = RawHttp.send(port, head.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
        int status = answer.status();
        if (method.equals("HEAD")) {
            assertThat(status).as("HEAD %s%s", path, query).isLessThan(500);
            return;
        }
        String body = answer.body();
        if (status == 200 && method.equals("GET") && servedFile(answer.head())) {
            // a file the server serves to anyone (the root page, the API descriptions, Swagger UI): not an envelope
            assertThat(body).doesNotContain("Exception");
            return;
        }
        assertAnswer(method + " " + path + query, status, body, true);
        JsonNode json = Api.JSON.readTree(body);
        assertThat(json.has("Response")).as("%s %s%s → %s", method, path, query, body).isTrue();
        if (status >= 400 || "1".equals(json.path("Response").path("resultCode").asString())) {
            assertThat(fingerprint()).as("refused %s %s%s changed a table", method, path, query).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.of(CALLS);
    }

    @Provide
    Arbitrary<Integer> shapes() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<List<Map.Entry<Integer, JsonNode>>> fieldSets() {
        Arbitrary<Map.Entry<Integer, JsonNode>> one = Combinators.combine(Arbitraries.integers().between(0, 1000), hostile())
                .as(Map::entry);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    static Arbitrary<JsonNode> hostile() {
        Arbitrary<JsonNode> strings = Arbitraries.oneOf(
                Arbitraries.of("51368592", "\u0665\u0661\u0663\u0666\u0668\u0665\u0669\u0662", "\uff15\uff11\uff13", "0x10", "1e308", "-1",
                        "99999999999999999999999999", "", " ", "null", "true", "Active", "Suspend", "DATA", "ENDPOINTID", "ICCID",
                        "8932042000000018199", "89320420000000181990", "Endpoint\u0000Name", "a\tb", "x\u202Ey", "\uD83D\uDE00",
                        "DEFAULTPOST41078552", "PDP_1108", "358", "Lock", "Unlock", "1,2,3", "ä".repeat(300), "x".repeat(70_000),
                        "' OR 1=1 --", "<script>", "%00", "../../etc/passwd"),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("0123456789٠١٢٣٤٥٦٧٨٩ ,;") .ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(24),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25))
                .map(NODES::stringNode);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.of(NODES.numberNode(1e308), NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(Long.MAX_VALUE),
                        NODES.numberNode(new BigInteger("9".repeat(40))), NODES.numberNode(1.5), NODES.numberNode(51368592)),
                Arbitraries.longs().map(NODES::numberNode));
        Arbitrary<JsonNode> others = Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false),
                NODES.arrayNode(), NODES.arrayNode().add(NODES.nullNode()), NODES.objectNode(),
                NODES.objectNode().put("a", 1), NODES.arrayNode().add("51368592").add(NODES.nullNode()));
        Arbitrary<JsonNode> scalar = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, strings), net.jqwik.api.Tuple.of(2, numbers), net.jqwik.api.Tuple.of(2, others));
        Arbitrary<JsonNode> lists = scalar.list().ofMaxSize(4).map(l -> {
            ArrayNode a = NODES.arrayNode();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.of("createTag", "tagName", "iccidList", "startICCID", "quantity",
                "endPointName", "planId", "x"), scalar).as((k, v) -> (JsonNode) NODES.objectNode().set(k, v));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, scalar), net.jqwik.api.Tuple.of(2, lists), net.jqwik.api.Tuple.of(1, objects));
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{", "}", "[]", "null", "\"x\"", "1", "{\"Request\":null}", "{\"Request\":[]}",
                        "{\"Request\":{\"requestParam\":\"x\"}}", "{\"Request\":{\"requestParam\":null}}", "{\"a\":1,\"a\":2}",
                        "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                        "{\"Request\":{\"requestParam\":{\"name\":\"\\ud800\"}}}", "\u0000", "\uFEFF{}", "{\"x\":1e999999}",
                        "{\"x\":" + "9".repeat(5000) + "}", "{\"x\":\"" + "y".repeat(100_000) + "\"}"),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("api", "admin", "API", "Admin", "%61pi", "%61dmin", "%2561dmin", "..", ".", "", "%2e", "%2e%2e", "%2F",
                        "%2f", "%00", "%5C", "\\", "admin;x", "api;jsessionid=1", "accounts", "10000001", "GetEndpoints", "Ping",
                        "login", "RefreshToken", "CreateEndPoint", "GetEndPointProfile", "error", "actuator", "health", "%C3%A9",
                        "%FF", "%", "users", "sims", "plans", "%20", "+", "*", "~", "%u0061"),
                Arbitraries.strings().withCharRange('!', '~').excludeChars('?', '#', ' ').ofMaxLength(8));
        return segment.list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l));
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "?", "?endPointId=51368592", "?endPointId=%ZZ", "?endPointId=%C3%28", "?a=%", "?%=1", "?a=1&&b=2",
                        "?endPointId=\u0665\u0661", "?page=-1&perPage=99999999999", "?x=%00", "?x=;y", "?x=%2Fadmin", "?a=\u00e9",
                        "?" + "p=1&".repeat(3000)),
                Arbitraries.strings().withCharRange('!', '~').excludeChars('#', ' ').ofMaxLength(20).map(s -> "?" + s));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "CONNECT", "get");
    }

    /** Content type, body, transfer encoding (null: Content-Length). */
    @Provide
    Arbitrary<String[]> bodies() {
        Arbitrary<String> type = Arbitraries.of(null, "application/json", "application/x-www-form-urlencoded", "text/plain",
                "multipart/form-data; boundary=xx", "multipart/form-data", "application/xml", "text/csv", "application/json; charset=bogus");
        Arbitrary<String> content = Arbitraries.of("", "{}", "a=%zz&b=1", "endPointId=51368592", "--xx\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xx--\r\n",
                "--xx\r\ngarbage", "<a/>", "{\"Request\":{\"requestParam\":{\"endPointId\":\"51368592\"}}}");
        Arbitrary<String> encoding = Arbitraries.of(null, null, null, "chunked", "gzip", "gzip, chunked", "identity");
        return Combinators.combine(type, content, encoding).as((t, c, e) -> new String[] {t, c, e});
    }

    // ---- checks ----

    /** Whether an answer is one of the files served to anyone (HTML, YAML, scripts, styles), by its content type. */
    private static boolean servedFile(String head) {
        String h = head.toLowerCase(java.util.Locale.ROOT);
        return h.contains("content-type: text/html") || h.contains("content-type: application/yaml")
                || h.contains("content-type: text/javascript") || h.contains("content-type: application/javascript")
                || h.contains("content-type: text/css");
    }

    private static void assertAnswer(String what, int status, String raw, boolean envelope) {
        assertThat(status).as("%s answered %s", abbreviate(what), abbreviate(raw)).isLessThan(500);
        if (envelope) {
            JsonNode json = Api.JSON.readTree(raw);
            assertThat(json.path("Response").path("resultParam").path("resultCode").isString())
                    .as("%s answered without the envelope: %s", abbreviate(what), abbreviate(raw)).isTrue();
        }
        assertThat(raw).doesNotContain("Exception").doesNotContain("<html");
        // nothing runs concurrently here: "check whether your write happened" or "internal failure" would be a lie
        assertThat(raw).as("%s answered %s", abbreviate(what), abbreviate(raw)).doesNotContain("\"10239\"").doesNotContain("\"10160\"");
    }

    /** The fingerprint once no background work is running (a bulk job accepted by an earlier try). */
    private static String quietFingerprint() {
        // no initial delay: the fuzz asks this before every try, and most of the time nothing is running
        // and the outbox: every event numbered, every consumer caught up, no lease held
        await("background work finished").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("""
                        SELECT (SELECT count(*) FROM job WHERE status = 'PROCESSING')
                             + (SELECT count(*) FROM endpoint_event WHERE position IS NULL)
                             + (SELECT count(*) FROM event_stream s CROSS JOIN outbox_consumer oc
                                LEFT JOIN outbox_cursor c ON c.account_id = s.account_id AND c.consumer = oc.consumer
                                WHERE s.position > COALESCE(c.position, 0))
                             + (SELECT count(*) FROM outbox_cursor WHERE leased_by IS NOT NULL)""").query(Integer.class).single() == 0);
        return fingerprint();
    }

    private static String knownFingerprint;
    private static long knownAtXid = -1;

    /**
     * Every row of every table, hashed. Hashing all rows for every try is slow, so it is reused
     * while the database has assigned no transaction id since (a transaction that writes any
     * row gets one; reads do not): an unchanged next xid proves no table changed.
     */
    private static String fingerprint() {
        long xid = nextXid();
        if (xid == knownAtXid) return knownFingerprint;
        while (true) {
            String fp = jdbc.sql(fingerprintSql).query(String.class).single();
            long after = nextXid();
            if (after == xid) {
                knownFingerprint = fp;
                knownAtXid = xid;
                return fp;
            }
            xid = after;
        }
    }

    private static long nextXid() {
        return jdbc.sql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint").query(Long.class).single();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
