package io.simfleet.client.model;

import java.util.List;

/** An entry of a SIM's {@code iMSIList}: its master IMSI and the sponsors' IMSIs. */
public record ImsiEntry(
        String masterIMSI,
        List<SupplierImsi> supplierIMSIList) {
}
