package io.simfleet.client.model;

import java.util.List;

/** {@code basicInfo} of a {@code QueryRatePlan} plan. {@code destGroupId} is the plan's roaming profile ids, comma-separated; {@code planType} 0 prepaid, 1 postpaid. */
public record RatePlanInfo(
        String planId,
        String planName,
        String cugEnabled,
        String planDescription,
        String planType,
        String validity,
        String serviceId,
        String planCategory,
        String planAmount,
        String planEffectiveDate,
        String planExpiryDate,
        String productId,
        String productName,
        String serviceIdName,
        String planTypeName,
        String createdBy,
        String networkTypeName,
        String networkTypeId,
        String currency,
        String revertedPlanAmount,
        String status,
        String currencyMainUnitId,
        String currencyMainUnitSymbol,
        String saleTypeId,
        String saleTypeName,
        String destGroupId,
        String destGroupName,
        String profileId,
        String prorate,
        List<PlanBenefit> benefit,
        List<PlanCounter> counter) {
}
