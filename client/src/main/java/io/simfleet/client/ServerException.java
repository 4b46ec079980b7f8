package io.simfleet.client;

/** The server failed (HTTP 5xx), kept refusing the rate (429) after the retries, or answered something that is not the SFT API. */
public class ServerException extends SftException {
    private static final long serialVersionUID = 1L;

    public ServerException(String operation, int httpStatus, ResultCode resultCode, String description, String responseId, Throwable cause) {
        super(Category.SERVER, operation, httpStatus, resultCode, description, responseId, cause);
    }

    protected ServerException(Category category, String operation, int httpStatus, ResultCode resultCode, String description,
                    String responseId, Throwable cause) {
        super(category, operation, httpStatus, resultCode, description, responseId, cause);
    }
}
