package io.simfleet.sftapi;

import io.simfleet.common.BodyTooLargeException;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.RateLimitExceededException;
import io.simfleet.common.ResultCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to the envelope: business refusals answer HTTP 200 with resultCode "1",
 * as SFT does; an unparseable request HTTP 400; a bad token HTTP 401. Nothing answers a stack
 * trace.
 */
@RestControllerAdvice
class SftExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(SftExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> domain(DomainException e) {
        if (e instanceof RateLimitExceededException limited) {
            return SftResponses.rateLimited(limited);
        }
        HttpStatus status = e.code() == ResultCode.UNAUTHORIZED ? HttpStatus.UNAUTHORIZED : HttpStatus.OK;
        return Sft.failure(status, e.code().code(), e.getMessage());
    }

    @ExceptionHandler(MalformedRequestException.class)
    ResponseEntity<Map<String, Object>> malformed(MalformedRequestException e) {
        return badRequest(e.field);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (BodyTooLargeException.causedBy(e)) {
            return SftResponses.forStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        }
        return badRequest("Request");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Sft.failure(HttpStatus.OK, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe(e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParam(MissingServletRequestParameterException e) {
        return Sft.failure(HttpStatus.OK, ResultCode.MANDATORY_PARAMETER_MISSING.code(),
                ResultCode.MANDATORY_PARAMETER_MISSING.describe(e.getParameterName()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return Sft.failure(HttpStatus.METHOD_NOT_ALLOWED, ResultCode.WRONG_INPUT_PARAMETER.code(),
                ResultCode.WRONG_INPUT_PARAMETER.describe("method " + e.getMethod()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return Sft.failure(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ResultCode.WRONG_INPUT_PARAMETER.code(),
                ResultCode.WRONG_INPUT_PARAMETER.describe("Content-Type"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e) {
        return Sft.failure(HttpStatus.NOT_FOUND, ResultCode.WRONG_INPUT_PARAMETER.code(),
                ResultCode.WRONG_INPUT_PARAMETER.describe("path (no such operation)"));
    }

    /**
     * A concurrent writer won (unique key, lock timeout): the request changed nothing. A value the
     * database refused as data is not such a conflict but bad input: 1001.
     */
    @ExceptionHandler({DataIntegrityViolationException.class, PessimisticLockingFailureException.class,
            OptimisticLockingFailureException.class})
    ResponseEntity<Map<String, Object>> conflict(RuntimeException e, HttpServletRequest req) {
        if (Input.refusedAsData(e)) return refusedAsData(e);
        log.info("Request refused by a database constraint: {}", e.getMessage());
        req.setAttribute(IdempotencyFilter.NOT_FINAL, true); // a retry may succeed: its key is not used up
        return Sft.failure(HttpStatus.OK, ResultCode.OPERATION_FAILED_VERIFY.code(), ResultCode.OPERATION_FAILED_VERIFY.describe(null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (clientGone(e)) {
            // the client went away while the answer was written: nothing to answer, nothing failed here
            log.debug("Client disconnected: {}", e.getMessage());
            return null;
        }
        if (Input.refusedAsData(e)) return refusedAsData(e);
        log.error("Unexpected failure", e);
        return Sft.failure(HttpStatus.INTERNAL_SERVER_ERROR, ResultCode.INTERNAL_FAILURE.code(), ResultCode.INTERNAL_FAILURE.describe(null));
    }

    /**
     * The database refused a value as data (SQLState class 22: out of range, invalid byte
     * sequence …): bad input that no check caught, answered 1001 (the field is not known) rather
     * than 10239, which would send the client to check whether its write happened. Nothing was written.
     */
    private static ResponseEntity<Map<String, Object>> refusedAsData(Exception e) {
        log.warn("A value got past the input checks and was refused by the database: {}", e.getMessage());
        return Sft.failure(HttpStatus.OK, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe("Request"));
    }

    private static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AsyncRequestNotUsableException) return true;
        }
        return false;
    }

    private static ResponseEntity<Map<String, Object>> badRequest(String field) {
        return Sft.failure(HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER.code(), ResultCode.WRONG_INPUT_PARAMETER.describe(field));
    }
}
