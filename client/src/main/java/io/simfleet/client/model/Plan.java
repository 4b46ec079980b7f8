package io.simfleet.client.model;

import java.util.List;

/** A row of {@code GetPlans} (simfleet's addition): a plan of the account, or one an endpoint holds (then with its {@code uniqueId} and dates). Its roaming profiles three ways: {@code roamingProfileIds} (list), {@code roamingProfileId} ({@code a|b}) and {@code destGroupId} ({@code a,b}). */
public record Plan(
        String planId,
        String planName,
        String planDescription,
        String planCategory,
        String planType,
        String planTypeName,
        String validity,
        String serviceId,
        String serviceIdName,
        String planAmount,
        String status,
        List<String> roamingProfileIds,
        String roamingProfileId,
        String destGroupId,
        String profileId,
        List<PlanBenefit> benefit,
        List<PlanCounter> counter,
        String uniqueId,
        String planStartDate,
        String planExpiryDate) {
}
