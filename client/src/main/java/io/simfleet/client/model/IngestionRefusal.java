package io.simfleet.client.model;

/**
 * A record {@code POST /admin/usage} refused: its position in the body ({@code index}, from 0), its
 * {@code recordId} when it had one, and the {@code reason} naming the field
 * ({@code "imsi: unknown"}, {@code "startTime: in the future"}, …).
 */
public record IngestionRefusal(
        long index,
        String recordId,
        String reason) {
}
