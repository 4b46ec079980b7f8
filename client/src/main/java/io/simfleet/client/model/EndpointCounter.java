package io.simfleet.client.model;

/**
 * A usage counter of an endpoint in its current period: a row of {@code counter[]} of
 * {@code GetEndPointProfile}, {@code SubscribeAddon} and {@code GetEndpointAddonDetails}.
 * {@code usage} is in the threshold's unit (MB with 3 decimals, or messages), {@code limit} in bytes
 * (or messages); {@code thresholdValue}/{@code thresholdUnit} as the plan defines them, or the
 * endpoint's own threshold in MB after {@code UpdateThreshold}; {@code resetDate}
 * ({@code dd/MM/yyyy HH:mm:ss}) ends the period. {@code planId}/{@code planName} name the base plan;
 * an add-on's counter also has {@code addonPlanId}, {@code addonPlanName} and {@code addonUniqueId}
 * (the subscription, what {@code UpdateThreshold} takes as {@code uniqueId}).
 */
public record EndpointCounter(
        String counterId,
        String counterName,
        String usage,
        String limit,
        String action,
        String planName,
        String thresholdUnit,
        String thresholdValue,
        String frequency,
        String factor,
        String resetDate,
        String planId,
        String addonPlanId,
        String addonPlanName,
        String addonUniqueId) {
}
