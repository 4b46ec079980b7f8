package io.simfleet.client.model;

/** A usage counter of a plan, with its threshold and action (e.g. {@code THROTTLE_512Kbps}). */
public record PlanCounter(
        String counterName,
        String thresholdValue,
        String thresholdUnit,
        String action) {
}
