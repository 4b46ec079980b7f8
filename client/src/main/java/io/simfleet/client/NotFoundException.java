package io.simfleet.client;

/**
 * A refusal that names something that does not exist: {@code 1359 No data available}, {@code 1083}
 * (no such endpoint), {@code 10051} (no such provisioning request), {@code 6721} (no such counter),
 * {@code 1340 No record exists} and {@code 10257 Addon Not available} (which the typed
 * {@code getStatistics} and {@code getEndpointAddonDetails} answer as empty results), or any refusal whose description
 * says "not found" (e.g. {@code 5018 … - endpoint 42 not found}). A {@link RefusedException}, so
 * code that handles every refusal handles this one too.
 */
public class NotFoundException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String operation, int httpStatus, ResultCode resultCode, String description, String responseId,
                             Throwable cause) {
        super(Category.NOT_FOUND, operation, httpStatus, resultCode, description, responseId, cause);
    }
}
