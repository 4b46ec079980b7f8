package io.simfleet.client.model;

/** A tag ({@code GetTags}, and an endpoint's {@code tagIdList}). */
public record Tag(
        String tagName,
        String tagId,
        String tagDescription) {
}
