package io.simfleet.client;

/** A request the server refused (the envelope's resultCode "1"): bad input or a state that does not allow it. Sending it again unchanged gets the same answer. */
public class RefusedException extends SftException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String operation, int httpStatus, ResultCode resultCode, String description, String responseId, Throwable cause) {
        super(Category.REFUSED, operation, httpStatus, resultCode, description, responseId, cause);
    }

    protected RefusedException(Category category, String operation, int httpStatus, ResultCode resultCode, String description,
                    String responseId, Throwable cause) {
        super(category, operation, httpStatus, resultCode, description, responseId, cause);
    }
}
