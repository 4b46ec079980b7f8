package io.simfleet.client.model;

/** A row of {@code benefitInfo.benefit} of {@code GetEndPointProfile}: the main account ({@code id} PostpaidMA/PrepaidMA, {@code unitType} MONEY) or an add-on's free units ({@code id} 5 data in bytes, 6 SMS count). */
public record Benefit(
        String id,
        String name,
        String startDate,
        String expiryDate,
        String balance,
        String unitType,
        String type,
        String actualBalance,
        String planId,
        String planName,
        String planCategory,
        String uniqueId) {
}
