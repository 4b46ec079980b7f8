package io.simfleet.client.model;

import java.util.List;

/** {@code PromotionalPlans} of {@code GetEndPointProfile}. */
public record PromotionalPlans(
        List<PromotionalPlan> plan) {
}
