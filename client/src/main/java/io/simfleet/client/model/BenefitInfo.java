package io.simfleet.client.model;

import java.util.List;

/** {@code benefitInfo} of {@code GetEndPointProfile}. */
public record BenefitInfo(
        List<Benefit> benefit) {
}
