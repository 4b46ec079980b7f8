package io.simfleet.client.model;

/**
 * A {@code benefit[]} entry of {@code SubscribeAddon}: the free units of the add-on's first
 * validity period, instead of the plan's. {@code id}: {@code DATA} (or the reference's {@code 2} /
 * {@code 5}) with {@code balance} in MB, {@code SMS} (or {@code 6}) with a count, {@code NBIOT} in MB.
 * At most what the plan gives, and not below a counter's threshold (10260).
 */
public record BenefitAdjustment(String id, long balance) {

    public static BenefitAdjustment dataMb(long mb) {
        return new BenefitAdjustment("DATA", mb);
    }

    public static BenefitAdjustment sms(long count) {
        return new BenefitAdjustment("SMS", count);
    }

    public static BenefitAdjustment nbiotMb(long mb) {
        return new BenefitAdjustment("NBIOT", mb);
    }
}
