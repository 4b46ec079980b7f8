package io.simfleet.client.model;

/** A row of {@code benefitInfo.benefit} of {@code GetEndPointProfile}, {@code SubscribeAddon} and {@code GetEndpointAddonDetails}: the main account ({@code id} PostpaidMA/PrepaidMA, {@code unitType} MONEY, {@code balance} and {@code actualBalance} in cents) or a plan's free units ({@code id} 5 data in bytes, 6 SMS count; {@code balance} what is left of {@code actualBalance} in the period). */
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
