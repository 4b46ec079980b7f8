package io.simfleet.client.model;

/** A sponsor's IMSI of a SIM ({@code supplierIMSIList}). */
public record SupplierImsi(
        String sponsorName,
        String supplierIMSI) {
}
