package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests that cannot be read get a 4xx with the envelope, never a 500 or a stack trace, and write nothing. */
class BadInputTest extends ApiTestBase {

    private static void clean(Resp r) {
        assertFalse(r.raw().contains("Exception") || r.raw().contains("at io.") || r.raw().contains("trace"), r.raw());
        assertEquals("1", r.result(), r.raw());
    }

    @Test
    void unreadableRequests() {
        Api api = as("customer");
        String before = api.get("/api/GetEndpoints").response().path("totalNoOfRecords").asString();
        Resp malformed = api.post("/api/CreateEndPoint", "{\"Request\": {\"requestParam\": {\"name\": ");
        assertEquals(400, malformed.status());
        assertEquals("1001", malformed.code());
        clean(malformed);
        // well-formed JSON of the wrong shape is a wrong parameter, answered like any business refusal
        Resp notObject = api.post("/api/CreateEndPoint", "{\"Request\": \"x\"}");
        notObject.expect("1001").expectDescription("Wrong input parameter - Request");
        clean(notObject);
        Resp array = api.post("/api/CreateEndPoint", "[1,2]"); // not an object at all: unreadable
        array.expect(400, "1001");
        clean(array);
        Resp empty = api.post("/api/CreateEndPoint", "");
        assertEquals("1000", empty.code(), empty.raw());
        clean(empty);
        Resp huge = api.post("/api/CreateEndPoint", "{\"Request\":{\"requestParam\":{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}}");
        assertEquals(413, huge.status());
        assertEquals("1001", huge.code());
        clean(huge);
        Resp wrongType = api.send("POST", "/api/CreateEndPoint", "name=x", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(400, wrongType.status(), wrongType.raw()); // the body is read whatever the Content-Type, and is not JSON
        clean(wrongType);
        Resp method = api.send("DELETE", "/api/GetEndpoints", null);
        assertEquals(405, method.status());
        clean(method);
        Resp unknown = api.get("/api/NoSuchCall");
        assertEquals(404, unknown.status());
        clean(unknown);
        // nested values of the wrong JSON type
        Resp nested = api.post("/api/CreateEndPoint", map("Request", map("requestParam", map("name", map("a", 1)))));
        assertEquals("1001", nested.code(), nested.raw());
        clean(nested);
        assertEquals(before, api.get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());
    }

    @Test
    void pathsMatchCaseInsensitively() {
        Api api = as("customer");
        assertEquals("6742", api.get("/api/getendpoints").code());
        assertEquals("10901", api.get("/api/FETCHAPNGROUP").code());
        assertEquals("1082", api.get("/api/getEndPointProfile?endPointId=51368592").code());
    }

    @Test
    void loginWithBadBodies() {
        Resp missing = anon().post("/api/login", map("username", "customer"));
        assertEquals("1000", missing.code(), missing.raw());
        clean(missing);
        Resp malformed = anon().post("/api/login", "{oops");
        assertEquals(400, malformed.status());
        clean(malformed);
    }

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** What a refused request must leave as it was: the tenant's endpoints, tags and SIMs. */
    private static String state(Tenant t) {
        return t.api().get("/api/GetEndpoints").response().path("responseParam").toString()
                + t.api().get("/api/GetTags").response().path("responseParam")
                + t.api().get("/api/fetchSIM").response().path("responseParam");
    }

    @Test
    void controlCharactersAreRefusedNamingTheField() {
        Tenant t = new Fixtures(anon()).enterprise(1);
        String before = state(t);
        // a trailing NUL used to be trimmed away silently, and the endpoint created
        t.api().post("/api/CreateEndPoint", Fixtures.createBody(t, null, false, "name", "Endpoint one\u0000"))
                .expect("1001").expectDescription("Wrong input parameter - name");
        t.api().post("/api/CreateEndPoint", Fixtures.createBody(t, null, false, "name", "Endpoint\ttwo"))
                .expect("1001").expectDescription("Wrong input parameter - name");
        t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "batch\u0000")))))
                .expect("1001").expectDescription("Wrong input parameter - tagName");
        t.api().post("/api/CreateEndPoint", Fixtures.createBody(t, null, false, "addonPlanIds", List.of("A\u0001")))
                .expect("1001").expectDescription("Wrong input parameter - addonPlanIds");
        // query parameters too
        t.api().get("/api/GetServiceProfile?serviceProfileId=SP%00").expect("1001").expectDescription("Wrong input parameter - serviceProfileId");
        assertEquals(before, state(t));
        // a NUL would have reached the user look-up (PostgreSQL refuses it: 10239 before)
        Resp login = anon().post("/api/login", map("username", "cust\u0000omer", "password", "customer"));
        login.expect("1001").expectDescription("Wrong input parameter - username");
        clean(login);
    }

    @Test
    void digitsAreAsciiDigits() {
        Tenant t = new Fixtures(anon()).enterprise(1);
        long id = Fixtures.endpoint(t, null, false);
        String before = state(t);
        String arabic = encoded(Long.toString(id).chars().mapToObj(c -> String.valueOf((char) ('\u0660' + c - '0'))).reduce("", String::concat));
        t.api().get("/api/GetEndPointProfile?endPointId=" + id).expect("1082");
        t.api().get("/api/GetEndPointProfile?endPointId=" + arabic).expect("1001").expectDescription("Wrong input parameter - endPointId");
        t.api().get("/api/GetEndPointProfile?endPointId=0x" + Long.toHexString(id)).expect("1001");
        t.api().get("/api/GetEndpoints?page=" + encoded("١")).expect("1001").expectDescription("Wrong input parameter - page");
        t.api().get("/api/fetchSIM?simStatusId=" + encoded("٥")).expect("1001").expectDescription("Wrong input parameter - simStatusId");
        t.api().post("/api/CreateEndPoint", Fixtures.createBody(t, null, false, "roamingProfileId", "٣٥٨"))
                .expect("1001").expectDescription("Wrong input parameter - roamingProfileId");
        t.api().post("/api/EndPointLifeCycleChange", map("Request", map("imsi", "٢٠٦٢٨٩٠٠٠٠٠٠٠٠١", "requestParam", map("lifeCycle", "S"))))
                .expect("1001").expectDescription("Wrong input parameter - imsi");
        t.api().patch("/api/endpointbulk", map("Request", map("resourceType", "endPointId", "valuelist", List.of("٥١٣٦٨٥٩٢"),
                "requestParam", map("imeiLockStatus", "LOCK")))).expect("1001").expectDescription("Wrong input parameter - valuelist");
        t.api().patch("/api/endpointbulk", map("Request", map("resourceType", "iccid", "valuelist", List.of("٨٩٣٢٠٤٢٠٠٠٠٠٠٠٠١٥١٩٠"),
                "requestParam", map("imeiLockStatus", "LOCK")))).expect("1001").expectDescription("Wrong input parameter - valuelist");
        assertEquals(before, state(t));
    }
}
