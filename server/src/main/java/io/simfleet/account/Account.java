package io.simfleet.account;

import io.simfleet.common.AccountType;
import java.time.Instant;

/**
 * A node of the account tree: operator → resellers (any depth) → enterprises. {@code timeZone} is an
 * IANA zone name, or null for the platform's zone.
 */
public record Account(
        long id,
        Long parentId,
        AccountType type,
        String name,
        int subscriberType,
        boolean oemEnabled,
        boolean dynamicBenefitOnly,
        boolean lowBalance,
        boolean active,
        String currencyId,
        String currency,
        Instant createdAt,
        String timeZone) {

    public boolean isEnterprise() {
        return type == AccountType.ENTERPRISE;
    }

    public String subscriberTypeName() {
        return subscriberType == 0 ? "Prepaid" : "Postpaid";
    }
}
