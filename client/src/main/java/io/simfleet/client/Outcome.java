package io.simfleet.client;

/**
 * The envelope of an SFT answer without its payload: {@code Response.responseId},
 * {@code responseTimestamp} ({@code dd/MM/yyyy HH:mm:ss}), the detailed result code and its
 * description. {@code replayed} is true when the server answered a retried write from its
 * {@code Idempotency-Key} store ({@code Idempotent-Replayed: true}) instead of doing it again.
 */
public record Outcome(String responseId, String responseTimestamp, ResultCode resultCode, String resultDescription,
                      boolean replayed) {

    /** "6411 Create endpoint success" */
    @Override
    public String toString() {
        return resultCode + " " + resultDescription;
    }
}
