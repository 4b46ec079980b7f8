package io.simfleet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One HTTP answer, with accessors for the SFT envelope. */
public record Resp(int status, JsonNode json, String raw, HttpHeaders headers) {
    public Resp(int status, JsonNode json, String raw) {
        this(status, json, raw, HttpHeaders.of(Map.of(), (name, value) -> true));
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public JsonNode response() {
        return json.path("Response");
    }

    /** resultParam.resultCode, the detailed SFT code. */
    public String code() {
        return response().path("resultParam").path("resultCode").asString("");
    }

    public String description() {
        return response().path("resultParam").path("resultDescription").asString("");
    }

    /** Response.resultCode: "0" success, "1" failure. */
    public String result() {
        return response().path("resultCode").asString("");
    }

    /** Asserts HTTP 200 with the given detailed code and answers this. */
    public Resp expect(String code) {
        return expect(200, code);
    }

    public Resp expect(int status, String code) {
        assertEquals(status + " " + code, status() + " " + code(), "unexpected answer: " + raw);
        return this;
    }

    public Resp expectDescription(String description) {
        assertEquals(description, description(), "unexpected answer: " + raw);
        return this;
    }

    public String text(String path) {
        JsonNode n = json.at(path);
        return n.isMissingNode() || n.isNull() ? null : n.asString();
    }
}
