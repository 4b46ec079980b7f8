package io.simfleet.client;

/** No answer: the connection was refused, reset or timed out, and the request could not (or might not) be retried. For a write without an Idempotency-Key the request may or may not have been carried out. */
public class NetworkException extends SftException {
    private static final long serialVersionUID = 1L;

    public NetworkException(String operation, int httpStatus, ResultCode resultCode, String description, String responseId, Throwable cause) {
        super(Category.NETWORK, operation, httpStatus, resultCode, description, responseId, cause);
    }

    protected NetworkException(Category category, String operation, int httpStatus, ResultCode resultCode, String description,
                    String responseId, Throwable cause) {
        super(category, operation, httpStatus, resultCode, description, responseId, cause);
    }
}
