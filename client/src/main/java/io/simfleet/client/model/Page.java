package io.simfleet.client.model;

import java.util.List;

/**
 * One page of a paged call ({@code GetEndpoints}, {@code fetchSIM}, {@code GetEndpointEvents}):
 * its rows, {@code totalNoOfRecords} and {@code totalNoOfPages} for the page size asked.
 */
public record Page<T>(int page, List<T> rows, long totalNoOfRecords, int totalNoOfPages) {
    public boolean isLast() {
        return page >= totalNoOfPages || rows.isEmpty();
    }
}
