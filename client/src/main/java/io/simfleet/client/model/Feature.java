package io.simfleet.client.model;

/** A feature of a service profile (DATA, SMS_MO, …) and whether it is on ({@code value}). */
public record Feature(
        String featureId,
        String featureName,
        String columnName,
        String featureHLRName,
        String type,
        String defaultFeatures,
        String value) {
}
