package io.simfleet.client.model;

/** An eSIM's activation code ({@code smDpPlusAdress} is the reference's spelling). */
public record ActivationCode(
        String textQrCode,
        String smDpPlusAdress,
        String matchingId) {
}
