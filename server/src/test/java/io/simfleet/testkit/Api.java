package io.simfleet.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the server under test; each instance optionally carries a token. */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    public Api(int port) {
        this("http://localhost:" + port, null);
    }

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public String token() {
        return token;
    }

    public Api withToken(String t) {
        return new Api(base, t);
    }

    /** Logs in and answers a client carrying the access token; fails the test if login fails. */
    public Api login(String username, String password) {
        Resp r = loginRaw(username, password, null);
        if (r.status() != 200 || !r.json().has("AccessToken")) {
            throw new AssertionError("login " + username + " failed: " + r.raw());
        }
        return withToken(r.json().get("AccessToken").asString());
    }

    public Resp loginRaw(String username, String password, Long targetAccountId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        if (targetAccountId != null) body.put("targetAccountId", targetAccountId.toString());
        return withToken(null).post("/api/login", body);
    }

    public Resp get(String path) {
        return send("GET", path, null);
    }

    public Resp post(String path, Object body) {
        return send("POST", path, body);
    }

    public Resp patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Resp put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Resp delete(String path) {
        return send("DELETE", path, null);
    }

    public Resp send(String method, String path, Object body, String... headers) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) b.header("Content-Type", headerOr(headers, "Content-Type", "application/json"));
        if (token != null) b.header("X-Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            if (!headers[i].equalsIgnoreCase("Content-Type")) b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            // every exchange is checked against the OpenAPI descriptions (ExchangeLog, docs/openapi.md)
            ExchangeLog.observe(new Exchange(method, path, firstValues(request.headers()), text, r.statusCode(),
                    firstValues(r.headers()), r.body(), ExchangeLog.sender()));
            return new Resp(r.statusCode(), parse(r.body()), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> firstValues(java.net.http.HttpHeaders headers) {
        Map<String, String> m = new LinkedHashMap<>();
        headers.map().forEach((k, v) -> m.put(k, v.isEmpty() ? "" : v.get(0)));
        return m;
    }

    private static String headerOr(String[] headers, String name, String dflt) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) return headers[i + 1];
        }
        return dflt;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return JSON.missingNode();
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.missingNode();
        }
    }

    /** {"Request":{"requestParam":{k: v, ...}}} with every value as given. */
    public static Map<String, Object> request(Object... kv) {
        return Map.of("Request", Map.of("requestParam", map(kv)));
    }

    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
