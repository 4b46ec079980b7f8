package io.simfleet.client.model;

import java.util.List;

/** A row of {@code GetRoamingProfiles}. */
public record RoamingProfile(
        String roamingProfileId,
        String roamingProfileName,
        List<Network> tadigList) {
}
