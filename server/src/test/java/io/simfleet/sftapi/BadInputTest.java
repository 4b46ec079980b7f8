package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Resp;
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
}
