package io.simfleet.client.model;

/**
 * {@code requestParam} of {@code UpdateThreshold}: the endpoint's own threshold, in whole MB
 * (1 to 104 857 600), of the data counter {@code counterId} of the add-on subscription
 * {@code uniqueId} ({@code "0"} for a counter of the base plan, simfleet's addition).
 * {@code planId} is optional (null) and must be the counter's plan.
 */
public record ThresholdUpdate(String counterId, String uniqueId, long threshold, String planId) {

    public static ThresholdUpdate of(String counterId, String uniqueId, long thresholdMb) {
        return new ThresholdUpdate(counterId, uniqueId, thresholdMb, null);
    }

    public ThresholdUpdate withPlanId(String planId) {
        return new ThresholdUpdate(counterId, uniqueId, threshold, planId);
    }
}
