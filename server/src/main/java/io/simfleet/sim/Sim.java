package io.simfleet.sim;

import java.time.Instant;
import java.util.List;

/** A SIM of the inventory. {@code endpointId} is null exactly when the SIM is Ready To Activate. */
public record Sim(long id, long accountId, String iccid, String masterImsi, List<SupplierImsi> supplierImsis,
                  String msisdn, String eid, String ean, String activationCode, long productId, SimStatus status,
                  Long endpointId, Instant statusChangedAt) {

    public record SupplierImsi(String sponsorName, String supplierIMSI) {}
}
