package io.simfleet.sftapi;

import io.simfleet.common.BodyTooLargeException;
import io.simfleet.common.RateLimitExceededException;
import io.simfleet.common.ResultCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Writes the envelope straight to a servlet response, for the filters that answer before any controller. */
final class SftResponses {
    private SftResponses() {}

    static void write(HttpServletResponse res, HttpStatus status, int code, String description) throws IOException {
        write(res, Sft.failure(status, code, description));
    }

    static void write(HttpServletResponse res, ResponseEntity<Map<String, Object>> body) throws IOException {
        if (res.isCommitted()) return;
        res.resetBuffer();
        res.setStatus(body.getStatusCode().value());
        body.getHeaders().forEach((name, values) -> values.forEach(v -> res.addHeader(name, v)));
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.getOutputStream().write(Params.JSON.writeValueAsBytes(body.getBody()));
        res.flushBuffer();
    }

    /** The envelope for an HTTP error status the container or a filter decided on. */
    static ResponseEntity<Map<String, Object>> forStatus(int status) {
        Refusal r = refusal(status);
        return Sft.failure(r.status(), r.code().code(), r.code().describe(r.detail()));
    }

    /** The detailed code {@link #forStatus} answers for this status (what the access log and the metrics name an error page by). */
    static int codeForStatus(int status) {
        return refusal(status).code().code();
    }

    private record Refusal(HttpStatus status, ResultCode code, String detail) {}

    private static Refusal refusal(int status) {
        HttpStatus http = HttpStatus.resolve(status);
        if (http == HttpStatus.NOT_IMPLEMENTED || http == HttpStatus.HTTP_VERSION_NOT_SUPPORTED) {
            // Tomcat's answer to a transfer encoding or protocol version it does not speak: the request's fault, 400
            return new Refusal(HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER, "Request");
        }
        if (http == null || http.is5xxServerError()) {
            return new Refusal(HttpStatus.INTERNAL_SERVER_ERROR, ResultCode.INTERNAL_FAILURE, null);
        }
        return switch (http) {
            case UNAUTHORIZED -> new Refusal(http, ResultCode.UNAUTHORIZED, "missing access token");
            case FORBIDDEN -> new Refusal(http, ResultCode.INSUFFICIENT_PRIVILEGE, null);
            case NOT_FOUND -> new Refusal(http, ResultCode.WRONG_INPUT_PARAMETER, "path (no such operation)");
            case METHOD_NOT_ALLOWED -> new Refusal(http, ResultCode.WRONG_INPUT_PARAMETER, "method (not allowed for this operation)");
            case CONTENT_TOO_LARGE -> new Refusal(http, ResultCode.WRONG_INPUT_PARAMETER,
                    "Request (body larger than " + BodyTooLargeException.MAX_BYTES + " bytes)");
            default -> new Refusal(http, ResultCode.WRONG_INPUT_PARAMETER, "Request");
        };
    }

    /** HTTP 429 with {@code Retry-After}, as clients and proxies expect it. */
    static ResponseEntity<Map<String, Object>> rateLimited(RateLimitExceededException e) {
        ResponseEntity<Map<String, Object>> body = Sft.failure(HttpStatus.TOO_MANY_REQUESTS, e.code().code(), e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(body.getBody());
    }

    static void tooLarge(HttpServletResponse res) throws IOException {
        write(res, forStatus(HttpStatus.CONTENT_TOO_LARGE.value()));
    }
}
