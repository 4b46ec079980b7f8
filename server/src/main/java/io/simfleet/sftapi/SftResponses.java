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
        HttpStatus http = HttpStatus.resolve(status);
        if (http == HttpStatus.NOT_IMPLEMENTED || http == HttpStatus.HTTP_VERSION_NOT_SUPPORTED) {
            // Tomcat's answer to a transfer encoding or protocol version it does not speak: the request's fault, 400
            return Sft.failure(HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe("Request"));
        }
        if (http == null || http.is5xxServerError()) {
            return Sft.failure(HttpStatus.INTERNAL_SERVER_ERROR, ResultCode.INTERNAL_FAILURE.code(), ResultCode.INTERNAL_FAILURE.describe(null));
        }
        return switch (http) {
            case UNAUTHORIZED -> Sft.failure(http, ResultCode.UNAUTHORIZED.code(), ResultCode.UNAUTHORIZED.describe("missing access token"));
            case FORBIDDEN -> Sft.failure(http, ResultCode.INSUFFICIENT_PRIVILEGE.code(), ResultCode.INSUFFICIENT_PRIVILEGE.describe(null));
            case NOT_FOUND -> Sft.failure(http, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe("path (no such operation)"));
            case METHOD_NOT_ALLOWED -> Sft.failure(http, ResultCode.WRONG_INPUT_PARAMETER.code(),
                    ResultCode.WRONG_INPUT_PARAMETER.describe("method (not allowed for this operation)"));
            case CONTENT_TOO_LARGE -> Sft.failure(http, ResultCode.WRONG_INPUT_PARAMETER.code(),
                    ResultCode.WRONG_INPUT_PARAMETER.describe("Request (body larger than " + BodyTooLargeException.MAX_BYTES + " bytes)"));
            default -> Sft.failure(http, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe("Request"));
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
