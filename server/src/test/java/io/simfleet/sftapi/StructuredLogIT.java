package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.Resp;
import io.simfleet.testkit.ServerProcess;
import io.simfleet.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A server started as an operator would start it with {@code SIMFLEET_LOG_FORMAT=ecs}: its
 * output is one JSON object per line, every request has one access line carrying the response id
 * of its answer, its call (the route), account, HTTP status and detailed result code — and the
 * output holds no password, token or request body.
 */
class StructuredLogIT {

    @Test
    void everyRequestLogsOneJsonLineWithItsIdsAndNothingSecret() throws Exception {
        Path log = ServerProcess.logFile("structured-log");
        String wrongPassword = "pw-" + UUID.randomUUID();
        String bodyMarker = "body-" + UUID.randomUUID();
        String accessToken;
        String refreshToken;
        Resp refusedLogin;
        Resp profile;
        Resp create;
        Resp noToken;
        try (ServerProcess server = ServerProcess.start(TestDatabase.newSchemaUrl(), true, log, Map.of("SIMFLEET_LOG_FORMAT", "ecs"))) {
            Api anon = server.api();
            refusedLogin = anon.loginRaw("customer", wrongPassword, null);
            assertEquals("10126", refusedLogin.code(), refusedLogin.raw());
            Resp login = anon.loginRaw("customer", "customer", null);
            accessToken = login.json().path("AccessToken").asString();
            refreshToken = login.json().path("RefreshToken").asString();
            Api customer = anon.withToken(accessToken);
            profile = customer.get("/api/GetEndPointProfile?endPointId=51368592").expect("1082");
            create = customer.post("/api/CreateEndPoint", map("Request", map("requestParam", map("name", bodyMarker, "planId", bodyMarker))));
            assertEquals("1", create.result(), create.raw());
            noToken = anon.get("/api/GetEndpoints");
            assertEquals(401, noToken.status());
            assertEquals(200, anon.withToken(refreshToken).get("/api/RefreshToken").status());
        }

        String output = Files.readString(log);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) continue;
            assertTrue(line.startsWith("{"), "every line is a JSON object: " + line);
            lines.add(Api.JSON.readTree(line));
        }
        assertTrue(lines.size() > 10, "start-up and requests logged: " + lines.size());
        for (JsonNode l : lines) {
            assertTrue(l.has("@timestamp") && l.path("log").has("level") && l.has("message"), "ECS fields: " + l);
        }

        JsonNode refused = access(lines, refusedLogin);
        assertEquals("/api/login", refused.path("call").asString());
        assertEquals("10126", refused.path("resultCode").asString());
        assertFalse(refused.has("account"), "no account before a token");

        JsonNode read = access(lines, profile);
        assertEquals("GET", read.path("method").asString());
        assertEquals("/api/GetEndPointProfile", read.path("call").asString(), "the route, not the path with its query");
        assertEquals("200", read.path("status").asString());
        assertEquals("1082", read.path("resultCode").asString());
        assertEquals("41078552", read.path("account").asString());
        assertTrue(read.path("durationMs").asLong(-1) >= 0);

        JsonNode write = access(lines, create);
        assertEquals("/api/CreateEndPoint", write.path("call").asString());
        assertEquals(create.code(), write.path("resultCode").asString());
        assertEquals("41078552", write.path("account").asString());

        JsonNode anonymous = access(lines, noToken);
        assertEquals("/api/GetEndpoints", anonymous.path("call").asString());
        assertEquals("401", anonymous.path("status").asString());
        assertEquals("401", anonymous.path("resultCode").asString());

        assertTrue(lines.stream().anyMatch(l -> "/api/RefreshToken".equals(l.path("call").asString())
                && "none".equals(l.path("resultCode").asString())), "the refresh answers tokens, no detailed code");

        for (String secret : List.of(wrongPassword, accessToken, refreshToken, bodyMarker)) {
            assertFalse(output.contains(secret), "the log holds no password, token or body: " + secret.substring(0, 12) + "…");
        }
    }

    /** The access line of an answer, found by the response id the answer carries. */
    private static JsonNode access(List<JsonNode> lines, Resp answer) {
        String id = answer.response().path("responseId").asString();
        List<JsonNode> found = lines.stream()
                .filter(l -> "io.simfleet.access".equals(l.path("log").path("logger").asString()) && id.equals(l.path("responseId").asString()))
                .toList();
        assertEquals(1, found.size(), "one access line for response " + id);
        return found.get(0);
    }
}
