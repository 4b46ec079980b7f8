package io.simfleet.client.model;

import java.util.List;

/**
 * {@code Response.info} of {@code GetEndpointAddonDetails}: the endpoint and the add-on
 * subscriptions it holds, each with its benefits and counters. An endpoint without a matching
 * add-on (the wire's {@code 10257 Addon Not available}) has an empty {@code promotionalPlans.plan}.
 */
public record AddonDetails(
        String endpointId,
        AddonPlans promotionalPlans) {

    public AddonDetails {
        promotionalPlans = promotionalPlans == null ? new AddonPlans(List.of()) : promotionalPlans;
    }

    /** The subscriptions, {@code promotionalPlans.plan}. */
    public List<AddonPlan> plans() {
        return promotionalPlans.plan();
    }
}
