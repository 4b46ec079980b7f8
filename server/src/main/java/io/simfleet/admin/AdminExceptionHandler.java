package io.simfleet.admin;

import io.simfleet.common.BodyTooLargeException;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.ResultCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Errors of the operator API: plain JSON {@code {"resultCode","resultDescription"}} with the
 * same codes as the SFT API, HTTP 400 (404 for an unknown account). Anything else falls through
 * to the SFT handler.
 */
@RestControllerAdvice(assignableTypes = {AdminController.class, UsageAdminController.class, SimulatorAdminController.class,
        PrivateNetworkAdminController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminExceptionHandler {

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, String>> domain(DomainException e) {
        HttpStatus status = e.code() == ResultCode.NO_DATA_AVAILABLE ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return error(status, e.code().code(), e.getMessage());
    }

    /**
     * Unparseable JSON, or a value Jackson refuses (wrong type, number out of range, null list
     * element, control character …, see JsonInputConfig): 1001 naming the field by its JSON path
     * when Jackson knows it.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        if (BodyTooLargeException.causedBy(e)) {
            return error(HttpStatus.CONTENT_TOO_LARGE, ResultCode.WRONG_INPUT_PARAMETER.code(),
                    ResultCode.WRONG_INPUT_PARAMETER.describe("body (larger than " + BodyTooLargeException.MAX_BYTES + " bytes)"));
        }
        String field = "body";
        if (e.getCause() instanceof JacksonException d && !d.getPath().isEmpty()) {
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

    /**
     * A value the database refused as data (SQLState class 22) got past the checks: 1001, the field
     * unknown. Otherwise a constraint lost to a concurrent request: 409 with 10239, nothing written.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, String>> database(DataIntegrityViolationException e) {
        if (Input.refusedAsData(e)) {
            return error(HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe("Request"));
        }
        return error(HttpStatus.CONFLICT, ResultCode.OPERATION_FAILED_VERIFY.code(), ResultCode.OPERATION_FAILED_VERIFY.describe(null));
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, int code, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("resultCode", Integer.toString(code));
        body.put("resultDescription", description);
        return ResponseEntity.status(status).body(body);
    }
}
