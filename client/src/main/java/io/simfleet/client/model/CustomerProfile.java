package io.simfleet.client.model;

import java.util.List;

/** {@code GetCustomerProfile}: the account the caller acts in. {@code accountType} OPERATOR, RESELLER or ENTERPRISE; {@code subscriberType} 0 prepaid, 1 postpaid (enterprises); {@code destGroupId} the account's roaming profile ids, comma-separated. */
public record CustomerProfile(
        String accountId,
        String accountName,
        String accountType,
        String tierId,
        String parentAccountId,
        String status,
        String subscriberType,
        String subscriberTypeName,
        String oemEnabled,
        String dynamicBenefitEnable,
        String lowBalance,
        String currencyId,
        String currencyType,
        String creationDate,
        String destGroupId,
        List<DynamicBenefit> dynamicBenefits) {
}
