package io.simfleet.common;

import java.util.List;

/** One page of a list and the totals the SFT paging fields need. */
public record Page<T>(List<T> rows, long totalRecords, int perPage) {
    public long totalPages() {
        return totalRecords == 0 ? 0 : (totalRecords + perPage - 1) / perPage;
    }
}
