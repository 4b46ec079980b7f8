package io.simfleet.client.model;

/** A plan of {@code QueryRatePlan}: its {@code basicInfo} and its {@code serviceProfile}. */
public record RatePlan(
        RatePlanInfo basicInfo,
        ServiceProfile serviceProfile) {
}
