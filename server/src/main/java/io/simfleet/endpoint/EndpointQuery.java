package io.simfleet.endpoint;

/**
 * What an endpoint list shows (the portal's list and its CSV export): the account's live
 * endpoints matching {@code search} (an endpoint id, the start of a name, an ICCID, IMSI, MSISDN
 * or IMEI; null for all), in {@code state} (null for any) and by {@code tag}, in id order
 * ({@code newestFirst}: descending), the {@code limit} after the keyset {@code after} (null: from
 * the start).
 */
public record EndpointQuery(String search, EndpointStatus state, TagFilter tag, boolean newestFirst, Long after, int limit) {
    public EndpointQuery {
        if (limit < 1 || limit > EndpointService.MAX_PER_PAGE) throw new IllegalArgumentException("limit " + limit);
        search = search == null || search.isBlank() ? null : search.trim();
        if (tag == null) tag = new TagFilter.Any();
    }

    public EndpointQuery after(Long id) {
        return new EndpointQuery(search, state, tag, newestFirst, id, limit);
    }
}
