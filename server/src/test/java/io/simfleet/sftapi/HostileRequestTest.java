package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.RawHttp;
import io.simfleet.testkit.Resp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Requests a client would never send on purpose: each answers the envelope and changes nothing. */
class HostileRequestTest extends ApiTestBase {
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private int port() {
        return Integer.parseInt(env.getRequiredProperty("local.server.port"));
    }

    private static void assertEnvelope(Resp r, int status, String code) {
        assertEquals(status, r.status(), r.raw());
        assertEquals("1", r.result(), r.raw());
        assertEquals(code, r.code(), r.raw());
    }

    @Test
    void invalidPercentEncodingOrUtf8InAQueryParameterIs1001NamingIt() throws IOException {
        Api customer = as("customer");
        for (String call : new String[] {"/api/GetEndpoints", "/api/GetEndPointProfile", "/api/fetchSIM", "/api/QueryRatePlan",
                "/api/GetEndpointEvents", "/api/getJobStatus", "/api/fetchApnGroup"}) {
            for (String bad : new String[] {"%ZZ", "%C3%28", "%E2%82", "%", "%ff%fe", "%C0%AF"}) {
                RawHttp.Answer answer = raw("GET " + call + "?endPointId=" + bad + "&pageNumber=1 HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-Authorization: Bearer " + customer.token() + "\r\nConnection: close\r\n\r\n");
                assertEquals(400, answer.status(), call + "?" + bad + " → " + answer);
                JsonNode param = assertEnvelopeIn(answer, "1001");
                assertEquals("Wrong input parameter - endPointId", param.path("resultDescription").asString(), call + "?" + bad);
            }
        }
        // a bad parameter name is refused too, before the token is even looked at
        RawHttp.Answer answer = raw("GET /api/GetEndpoints?%ZZ=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(400, answer.status(), answer.toString());
        assertTrue(assertEnvelopeIn(answer, "1001").path("resultDescription").asString().contains("query parameter name"), answer.toString());
        // valid UTF-8 in a parameter is still fine
        assertEquals("6742", customer.get("/api/GetEndpoints?endPointName=%C3%A9t%C3%A9").code());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndCreatesNothing() throws Exception {
        Tenant t = new Fixtures(anon()).enterprise(1);
        Integer before = jdbc.queryForObject("SELECT count(*) FROM endpoint WHERE account_id = ?", Integer.class, t.accountId());
        // a valid CreateEndPoint padded with 3 MB of whitespace, sent without Content-Length
        byte[] json = Api.JSON.writeValueAsBytes(Fixtures.createBody(t, t.iccids().get(0), false));
        byte[] body = Arrays.copyOf(json, json.length + 3 * 1024 * 1024);
        Arrays.fill(body, json.length, body.length, (byte) ' ');
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/CreateEndPoint"))
                .header("Content-Type", "application/json").header("X-Authorization", "Bearer " + t.api().token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, res.statusCode(), res.body());
        JsonNode param = Api.JSON.readTree(res.body()).path("Response").path("resultParam");
        assertEquals("1001", param.path("resultCode").asString());
        assertTrue(param.path("resultDescription").asString().contains("body larger than"), res.body());
        assertEquals(before, jdbc.queryForObject("SELECT count(*) FROM endpoint WHERE account_id = ?", Integer.class, t.accountId()));
        // and the same body under the limit is taken
        assertEquals("0", t.api().post("/api/CreateEndPoint", new String(json, StandardCharsets.UTF_8)).result());
    }

    @Test
    void whatTheContainerRefusesBeforeRoutingAnswersTheEnvelope() throws IOException {
        String longLine = "GET /api/Ping?x=" + "a".repeat(20_000) + " HTTP/1.1";
        String[] requests = {
                "GET /api/Ping?a b=1 HTTP/1.1",
                "GET /api/Ping?name=\u00e9 HTTP/1.1",
                "GET /api/Pi\u00e9ng HTTP/1.1",
                "GET /adm%00in/accounts HTTP/1.1",
                "GET /admin%2Faccounts HTTP/1.1",
                "GET /api/GetEndpoints%00 HTTP/1.1",
                longLine,
        };
        for (String line : requests) {
            RawHttp.Answer answer = raw(line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(400, answer.status(), line + " → " + answer);
            assertEnvelopeIn(answer, "1001");
        }
        // a path parameter with a bare %, found by FuzzIT: GET, HEAD and POST alike (HEAD answers no body; POST
        // once reached the streamed-upload matcher, which parses the path, before the path was checked)
        for (String method : new String[] {"GET", "HEAD", "POST"}) {
            RawHttp.Answer answer = raw(method + " /;% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(400, answer.status(), method + " /;% → " + answer);
            if (!method.equals("HEAD")) assertEnvelopeIn(answer, "1001");
        }
        RawHttp.Answer bigHeader = raw("GET /api/Ping HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertEquals(400, bigHeader.status(), bigHeader.toString());
        assertEnvelopeIn(bigHeader, "1001");
    }

    @Test
    void bodiesNoCallTakesAreNotParsedBeforeSecurityNorPastTheLimit() throws IOException {
        String multipart = "--xx\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + "b".repeat(3 * 1024 * 1024) + "\r\n--xx--\r\n";
        String[] requests = {
                // a multipart login of 3 MB, chunked: read as text through the body limit, not spooled to disk
                chunked("POST /api/login", "multipart/form-data; boundary=xx", multipart),
                // a form-encoded PATCH with a bad escape, anonymous: never parsed before security
                "PATCH /api/endpoint HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 5\r\nConnection: close\r\n\r\na=%zz",
                "POST /api/CreateEndPoint HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data\r\n"
                        + "Content-Length: 7\r\nConnection: close\r\n\r\ngarbage",
        };
        int[] expected = {413, 401, 401};
        for (int i = 0; i < requests.length; i++) {
            RawHttp.Answer answer = raw(requests[i]);
            assertEquals(expected[i], answer.status(), requests[i].substring(0, 40) + " → " + answer);
            assertEnvelopeIn(answer, expected[i] == 401 ? "401" : "1001");
        }
        // an Accept header the API cannot honour still gets the JSON envelope
        Resp html = as("customer").send("GET", "/api/GetEndPointProfile?endPointId=x", null, "Accept", "text/html");
        assertEquals("1001", html.code(), html.raw());
        // a transfer encoding Tomcat does not speak (it would say 501) is the request's fault
        RawHttp.Answer gzip = raw("POST /api/login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\nxx");
        assertEquals(400, gzip.status(), gzip.toString());
        assertEnvelopeIn(gzip, "1001");
    }

    private static String chunked(String requestLine, String contentType, String body) {
        return requestLine + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    @Test
    void theOperatorAccountCannotBeDisabled() {
        Api admin = new Fixtures(anon()).admin();
        Resp r = admin.patch("/admin/accounts/10000001", map("active", false));
        assertEquals(400, r.status(), r.raw());
        assertEquals("1001", r.json().path("resultCode").asString());
        assertTrue(r.json().path("resultDescription").asString().contains("active"), r.raw());
        assertEquals("10910", admin.get("/api/Ping").code());
    }

    @Test
    void traceAndOptionsAnswer405InTheEnvelope() throws IOException {
        for (String method : new String[] {"TRACE", "OPTIONS", "PROPFIND"}) {
            for (String path : new String[] {"/api/Ping", "/admin/accounts", "/api/login", "/nowhere"}) {
                RawHttp.Answer answer = raw(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                assertEquals(405, answer.status(), method + " " + path + " → " + answer);
                assertEnvelopeIn(answer, "1001");
            }
        }
    }

    @Test
    void aDisabledAccountCannotLogInAndItsTokensStop() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(0);
        Api admin = fx.admin();
        assertEquals("10910", t.api().get("/api/Ping").code());
        String refreshToken = anon().loginRaw(t.username(), "secret", null).json().path("RefreshToken").asString();

        // disabled through this instance: refused at once
        assertEquals(200, admin.patch("/admin/accounts/" + t.accountId(), map("active", false)).status());
        Resp refused = t.api().get("/api/fetchApnGroup");
        assertEnvelope(refused, 401, "401");
        assertTrue(refused.description().contains("account disabled"), refused.raw());
        Resp login = anon().loginRaw(t.username(), "secret", null);
        assertEquals("10002", login.code(), login.raw());
        assertTrue(login.description().contains("disabled"), login.raw());
        // a wrong password still says only that: whether the account is disabled is not for guessers
        assertEquals("10126", anon().loginRaw(t.username(), "wrong", null).code());
        // its refresh tokens no longer give new tokens
        Resp refreshed = anon().withToken(refreshToken).get("/api/RefreshToken");
        assertEnvelope(refreshed, 401, "401");
        assertTrue(refreshed.description().contains("account disabled"), refreshed.raw());
        // a reseller's support access into it is refused as well
        assertEquals("10002", anon().loginRaw("reseller", "reseller", t.accountId()).code());

        assertEquals(200, admin.patch("/admin/accounts/" + t.accountId(), map("active", true)).status());
        Api again = anon().login(t.username(), "secret");
        assertEquals("10910", again.get("/api/Ping").code());

        // disabled by another instance (straight in the database): seen within the status cache time
        jdbc.update("UPDATE account SET active = false WHERE id = ?", t.accountId());
        clock.advance(Duration.ofSeconds(11));
        assertEnvelope(again.get("/api/Ping"), 401, "401");
        assertEnvelope(again.post("/api/createTag", map("tagInfo", map("createTag", java.util.List.of(map("tagName", "x"))))), 401, "401");
        assertEquals(0, jdbc.queryForObject("SELECT count(*) FROM tag WHERE account_id = ?", Integer.class, t.accountId()));
    }

    private static JsonNode assertEnvelopeIn(RawHttp.Answer answer, String code) {
        JsonNode json = Api.JSON.readTree(answer.body());
        assertEquals(code, json.path("Response").path("resultParam").path("resultCode").asString(), answer.toString());
        assertFalse(answer.body().contains("<html"), answer.body());
        return json.path("Response").path("resultParam");
    }

    /** Sends the request as it is written (ISO-8859-1: a raw non-ASCII byte stays one byte). */
    private RawHttp.Answer raw(String request) throws IOException {
        return RawHttp.send(port(), request.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(10));
    }
}
