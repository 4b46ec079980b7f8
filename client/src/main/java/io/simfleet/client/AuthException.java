package io.simfleet.client;

/** Authentication or permission: bad credentials (10126), a blocked user (11044), a token that could not be refreshed nor renewed by logging in again (401), or a call the account may not make (10002, HTTP 403). */
public class AuthException extends SftException {
    private static final long serialVersionUID = 1L;

    public AuthException(String operation, int httpStatus, ResultCode resultCode, String description, String responseId, Throwable cause) {
        super(Category.AUTH, operation, httpStatus, resultCode, description, responseId, cause);
    }

    protected AuthException(Category category, String operation, int httpStatus, ResultCode resultCode, String description,
                    String responseId, Throwable cause) {
        super(category, operation, httpStatus, resultCode, description, responseId, cause);
    }
}
