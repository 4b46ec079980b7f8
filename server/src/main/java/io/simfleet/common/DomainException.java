package io.simfleet.common;

/**
 * A refused use case: the one unchecked failure the domain raises. The code says what went
 * wrong in the reference's terms; the detail names the field or the object and its state.
 * Raised inside a transaction it rolls everything back.
 */
public class DomainException extends RuntimeException {
    private final ResultCode code;
    private final String detail;

    public DomainException(ResultCode code) {
        this(code, null);
    }

    public DomainException(ResultCode code, String detail) {
        super(code.describe(detail));
        this.code = code;
        this.detail = detail;
    }

    public ResultCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public static DomainException missing(String field) {
        return new DomainException(ResultCode.MANDATORY_PARAMETER_MISSING, field);
    }

    public static DomainException wrong(String field) {
        return new DomainException(ResultCode.WRONG_INPUT_PARAMETER, field);
    }

    // Stack traces of business refusals are never looked at and cost time on hot paths.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
