package io.simfleet.client.model;

/** A dynamic benefit of {@code GetCustomerProfile}: {@code category} 1 pooled, 2 non-pooled; {@code roamingProfileId} {@code |}-separated. */
public record DynamicBenefit(
        String dynamicBenefitsId,
        String name,
        String category,
        String categoryName,
        String priority,
        String autoRenewal,
        String dataMB,
        String roamingProfileId) {
}
