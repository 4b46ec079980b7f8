package io.simfleet.sftapi;

import io.simfleet.common.ResultCode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The SFT envelope: {@code {"Response": {responseId, responseTimestamp, resultCode,
 * resultParam: {resultCode, resultDescription}, ...payload}}}. Every scalar is a JSON string.
 */
public final class Sft {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private Sft() {}

    /** A random numeric response id, as SFT's (17 digits). */
    public static String newResponseId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L, 99_999_999_999_999_999L));
    }

    /** A time as SFT writes it, in the zone of the request (the caller's account's, else the platform's). */
    public static String format(Instant i) {
        return i == null ? null : TIMESTAMP.format(i.atZone(RequestContext.zone()));
    }

    public static ResponseEntity<Map<String, Object>> success(ResultCode code, Map<String, Object> payload) {
        return envelope(HttpStatus.OK, "0", code.code(), code.describe(null), payload);
    }

    public static ResponseEntity<Map<String, Object>> failure(HttpStatus status, int code, String description) {
        return envelope(status, "1", code, description, Map.of());
    }

    static ResponseEntity<Map<String, Object>> envelope(HttpStatus status, String result, int code, String description,
                                                        Map<String, Object> payload) {
        RequestContext.resultCode(code);
        Map<String, Object> resp = new LinkedHashMap<>();
        resp.put("responseId", RequestContext.responseId());
        resp.put("responseTimestamp", format(RequestContext.now()));
        resp.put("resultCode", result);
        Map<String, Object> param = new LinkedHashMap<>();
        param.put("resultCode", Integer.toString(code));
        param.put("resultDescription", description);
        resp.put("resultParam", param);
        payload.forEach((k, v) -> {
            if (v != null) resp.put(k, v);
        });
        return ResponseEntity.status(status).body(Map.of("Response", resp));
    }

    /** An ordered JSON object from key/value pairs; null values are left out. */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                Object v = kv[i + 1];
                m.put((String) kv[i], v instanceof Number || v instanceof Boolean ? v.toString() : v);
            }
        }
        return m;
    }
}
