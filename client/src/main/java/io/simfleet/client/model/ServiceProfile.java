package io.simfleet.client.model;

import java.util.List;

/** A row of {@code GetServiceProfile} (and a {@code QueryRatePlan} plan's {@code serviceProfile}). {@code ratType}: 01 2G/3G, 02 2G, 06 2G/3G/4G, 10 2G/3G/4G/5G. */
public record ServiceProfile(
        String profileId,
        String profileName,
        String serviceCategory,
        String networkTypeId,
        String createdBy,
        String service,
        String accessVariantId,
        String ratType,
        String ratTypeName,
        List<Feature> feature) {
}
