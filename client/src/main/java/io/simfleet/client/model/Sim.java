package io.simfleet.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A row of {@code fetchSIM}. {@code simStatusId}: 5 Ready To Activate, 12 Pre-Active, 6 Active, 7 Suspended, 13 Active-Test, 14 Active-Inventory. {@code endPointId} and {@code endPointName} are {@code "-"} when the SIM is not linked. */
public record Sim(
        String simId,
        String simStatus,
        String simStatusId,
        @JsonProperty("iMSIList") List<ImsiEntry> iMSIList,
        String iccid,
        String simAttachStatus,
        String msisdn,
        String accountId,
        String endPointId,
        String endPointName,
        String accountName,
        String simProduct,
        String cardClassName,
        String parentAccountId,
        String ean,
        String eid,
        ActivationCode activationCode) {

    /** The master IMSI (the first entry of {@code iMSIList}), or null. */
    public String masterImsi() {
        return iMSIList == null || iMSIList.isEmpty() ? null : iMSIList.get(0).masterIMSI();
    }
}
