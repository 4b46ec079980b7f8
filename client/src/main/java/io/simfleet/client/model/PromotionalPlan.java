package io.simfleet.client.model;

/** An add-on an endpoint holds ({@code PromotionalPlans.plan} of {@code GetEndPointProfile}); {@code uniqueId} is what Modify's {@code removeAddonUniqueIds} takes. */
public record PromotionalPlan(
        String planId,
        String planName,
        String planServiceId,
        String planServiceName,
        String planStartDate,
        String planExpiryDate,
        String uniqueId) {
}
