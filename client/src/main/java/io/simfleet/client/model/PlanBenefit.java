package io.simfleet.client.model;

/** A benefit a plan grants: DATA or NB-IoT in MB, SMS as a count. */
public record PlanBenefit(
        String benefitType,
        String value,
        String unit) {
}
