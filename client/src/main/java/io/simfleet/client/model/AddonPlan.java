package io.simfleet.client.model;

import java.util.List;

/**
 * An add-on subscription of an endpoint: a row of {@code promotionalPlans.plan[]} of
 * {@code SubscribeAddon} and {@code GetEndpointAddonDetails}. {@code uniqueId} names the
 * subscription (UpdateThreshold, Modify's {@code removeAddonUniqueIds}). {@code benefit} (its free
 * units: {@code balance} and {@code actualBalance} in bytes for data, a count for SMS) and
 * {@code counter} are filled by {@code GetEndpointAddonDetails}; empty lists when the wire has none.
 */
public record AddonPlan(
        String planId,
        String planName,
        String planServiceId,
        String planServiceName,
        String planStartDate,
        String planExpiryDate,
        String uniqueId,
        List<Benefit> benefit,
        List<EndpointCounter> counter) {

    public AddonPlan {
        benefit = benefit == null ? List.of() : List.copyOf(benefit);
        counter = counter == null ? List.of() : List.copyOf(counter);
    }
}
