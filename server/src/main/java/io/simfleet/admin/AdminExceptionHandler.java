package io.simfleet.admin;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.DatabindException;

/**
 * Errors of the operator API: plain JSON {@code {"resultCode","resultDescription"}} with the
 * same codes as the SFT API, HTTP 400 (404 for an unknown account). Anything else falls through
 * to the SFT handler.
 */
@RestControllerAdvice(assignableTypes = AdminController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminExceptionHandler {

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, String>> domain(DomainException e) {
        HttpStatus status = e.code() == ResultCode.NO_DATA_AVAILABLE ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return error(status, e.code().code(), e.getMessage());
    }

    /** Unparseable JSON, or a value of the wrong type: 1001 naming the field when Jackson knows it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        if (e.getCause() instanceof DatabindException d && !d.getPath().isEmpty()) {
            field = d.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return error(HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe(field));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe(e.getName()));
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, int code, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("resultCode", Integer.toString(code));
        body.put("resultDescription", description);
        return ResponseEntity.status(status).body(body);
    }
}
