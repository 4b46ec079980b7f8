package io.simfleet.account;

import io.simfleet.common.AccountType;
import java.time.Instant;

/**
 * A node of the account tree: operator → resellers (any depth) → enterprises. {@code timeZone} is an
 * IANA zone name, or null for the platform's zone. {@code endpointGroupRequired}: the account opted
 * into the private-network rule that an endpoint is pending (30) until it is in an endpoint group
 * (docs/network.md, "Private network").
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
        String timeZone,
        boolean endpointGroupRequired) {

    public boolean isEnterprise() {
        return type == AccountType.ENTERPRISE;
    }

    public String subscriberTypeName() {
        return subscriberType == 0 ? "Prepaid" : "Postpaid";
    }
}
