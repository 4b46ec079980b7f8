package io.simfleet.client.model;

/** A row of {@code GetSIMProduct}. */
public record SimProduct(
        String simProductId,
        String simProductName,
        String cardClassName) {
}
