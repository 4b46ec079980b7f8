package io.simfleet.client.model;

/** A network of a roaming profile ({@code tadigList}); {@code categoryGroupId} is the sponsor (IR1…IR4), {@code mnc} the comma-separated MNCs. */
public record Network(
        String operatorId,
        String operatorName,
        String categoryGroupId,
        String tadigCode,
        String countryName,
        String mcc,
        String mnc,
        String mccMnc) {
}
