package io.simfleet.client;

/**
 * A call that did not succeed: the server refused it (the envelope's {@code resultCode "1"} with a
 * detailed code and description), or it could not be made. Catch the subclass for one kind of
 * failure, or switch on {@link #category()}:
 * <ul>
 *   <li>{@link RefusedException} ({@link Category#REFUSED}): a business refusal or bad input — retrying the
 *       same request gets the same answer; {@link NotFoundException} ({@link Category#NOT_FOUND}) is the
 *       refusal that names something that does not exist;</li>
 *   <li>{@link AuthException} ({@link Category#AUTH}): bad credentials, a token that could not be renewed,
 *       or a call the account may not make;</li>
 *   <li>{@link NetworkException} ({@link Category#NETWORK}): no answer (connection refused or reset, timeout),
 *       after the retries the request was allowed;</li>
 *   <li>{@link ServerException} ({@link Category#SERVER}): HTTP 5xx or 429 after the retries, or an answer that is
 *       not the SFT API's.</li>
 * </ul>
 * The message never holds a token or a password.
 */
public class SftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure; the CLI maps each to an exit code. */
    public enum Category { REFUSED, NOT_FOUND, AUTH, NETWORK, SERVER }

    private final Category category;
    private final ResultCode resultCode;
    private final String description;
    private final int httpStatus;
    private final String responseId;
    private final String operation;

    protected SftException(Category category, String operation, int httpStatus, ResultCode resultCode, String description,
                           String responseId, Throwable cause) {
        super(message(operation, resultCode, description), cause);
        this.category = category;
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.resultCode = resultCode;
        this.description = description;
        this.responseId = responseId;
    }

    private static String message(String operation, ResultCode code, String description) {
        String head = code == null || code.value() == 0 ? "" : code + " ";
        return head + description + (operation == null ? "" : " (" + operation + ")");
    }

    public Category category() {
        return category;
    }

    /** The detailed code ({@code Response.resultParam.resultCode}); code 0 when there was no SFT answer. */
    public ResultCode resultCode() {
        return resultCode;
    }

    /** The server's description ({@code resultParam.resultDescription}), or what went wrong on the way. */
    public String description() {
        return description;
    }

    /** The HTTP status of the answer; 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@code Response.responseId}, to find the request in the server's log; null when there was none. */
    public String responseId() {
        return responseId;
    }

    /** e.g. {@code POST /api/LinkSim} */
    public String operation() {
        return operation;
    }
}
