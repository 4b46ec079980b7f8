package io.simfleet.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code Response.info} of {@code GetEndPointProfile}. */
public record EndpointProfile(
        EndpointBasicInfo basicInfo,
        BenefitInfo benefitInfo,
        @JsonProperty("PromotionalPlans") PromotionalPlans promotionalPlans,
        List<String> valueAddedFeatureIds,
        List<Tag> tagIdList) {
}
