package io.simfleet.client.model;

/** A row of {@code fetchSIMProvisioningDetails}: one bulk provisioning request and its {@code status} (Processing, Success, Fail). */
public record ProvisioningDetails(
        String iccidRange,
        String endpointStatus,
        long quantity,
        String accountId,
        String accountName,
        String simProvisionId,
        String simProvisioningDate,
        String status,
        String reason) {
}
