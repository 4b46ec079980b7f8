package io.simfleet.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code Response.info} of {@code GetEndPointProfile}. {@code counter}: the endpoint's usage
 * counters in their current period (an empty list when its plans define none).
 */
public record EndpointProfile(
        EndpointBasicInfo basicInfo,
        BenefitInfo benefitInfo,
        @JsonProperty("PromotionalPlans") PromotionalPlans promotionalPlans,
        List<String> valueAddedFeatureIds,
        List<Tag> tagIdList,
        List<EndpointCounter> counter) {

    public EndpointProfile {
        counter = counter == null ? List.of() : List.copyOf(counter);
    }
}
