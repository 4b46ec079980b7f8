package io.simfleet.client.model;

/** A row of {@code fetchICCIDForProvisioning}: a contiguous range of Ready To Activate SIMs, {@code iccidRange} written {@code first-last}. */
public record IccidRange(
        String accountName,
        long quantity,
        String iccidRange,
        String simStatus) {

    public String firstIccid() {
        return iccidRange.substring(0, iccidRange.indexOf('-'));
    }

    public String lastIccid() {
        return iccidRange.substring(iccidRange.indexOf('-') + 1);
    }
}
