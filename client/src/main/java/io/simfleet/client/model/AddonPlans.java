package io.simfleet.client.model;

import java.util.List;

/** {@code promotionalPlans} of {@code SubscribeAddon} and {@code GetEndpointAddonDetails}. */
public record AddonPlans(
        List<AddonPlan> plan) {

    public AddonPlans {
        plan = plan == null ? List.of() : List.copyOf(plan);
    }
}
