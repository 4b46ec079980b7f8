package io.simfleet.client.model;

import java.util.List;

/**
 * What {@code POST /admin/usage} did with the records it received: each is {@code accepted} (new,
 * rated and stored), a {@code duplicate} (a record with the same id and day is already stored —
 * from an earlier file, or from an earlier attempt of this one whose answer was lost), or
 * {@code refused} on its own. {@code refusals} lists the first 1 000 refusals; all are counted.
 */
public record IngestionResult(
        long received,
        long accepted,
        long duplicates,
        long refused,
        List<IngestionRefusal> refusals) {

    public IngestionResult {
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }
}
