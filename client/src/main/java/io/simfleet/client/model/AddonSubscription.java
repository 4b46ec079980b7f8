package io.simfleet.client.model;

import io.simfleet.client.Outcome;
import java.util.List;

/**
 * {@code SubscribeAddon}'s answer ({@code Response.info}): the new subscription
 * ({@code promotionalPlans.plan[0]}, with its {@code uniqueId}), its free units
 * ({@code benefitInfo.benefit}) and its counters ({@code counter}), and the outcome (1171).
 */
public record AddonSubscription(
        AddonPlans promotionalPlans,
        BenefitInfo benefitInfo,
        List<EndpointCounter> counter,
        Outcome outcome) {

    public AddonSubscription {
        promotionalPlans = promotionalPlans == null ? new AddonPlans(List.of()) : promotionalPlans;
        benefitInfo = benefitInfo == null ? new BenefitInfo(List.of()) : benefitInfo;
        counter = counter == null ? List.of() : List.copyOf(counter);
    }

    /** The subscription's {@code uniqueId} (of the one plan SubscribeAddon answers); null when the server gave none. */
    public String uniqueId() {
        return promotionalPlans.plan().isEmpty() ? null : promotionalPlans.plan().get(0).uniqueId();
    }

    /** The same answer with its outcome. */
    public AddonSubscription withOutcome(Outcome o) {
        return new AddonSubscription(promotionalPlans, benefitInfo, counter, o);
    }
}
