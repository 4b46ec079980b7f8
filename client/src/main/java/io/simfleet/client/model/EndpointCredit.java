package io.simfleet.client.model;

import java.math.BigDecimal;

/**
 * The answer of {@code POST /admin/accounts/{id}/endpoints/{endpointId}/credit}: the prepaid
 * endpoint's main account {@code balance} after the credit, in the account's currency (the profile's
 * {@code maBalance} shows it in cents).
 */
public record EndpointCredit(
        long accountId,
        long endpointId,
        BigDecimal balance) {
}
