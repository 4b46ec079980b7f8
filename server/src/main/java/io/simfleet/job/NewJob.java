package io.simfleet.job;

import java.util.List;

/**
 * A job to store: its kind, its payload (the handler's payload record), and either its items (a
 * {@link JobHandler.PerItem} job, one unit of work each) or its size (a {@link JobHandler.WholeJob}
 * job, one unit of work). {@code iccidRange}/{@code endpointStatus}: a bulk create's labels.
 */
public record NewJob(String kind, Object payload, int total, List<String> items, String iccidRange, String endpointStatus) {

    public NewJob {
        items = items == null ? null : List.copyOf(items);
    }

    /** A job whose items are worked one by one. */
    public static NewJob perItem(String kind, Object payload, List<String> items) {
        return new NewJob(kind, payload, items.size(), items, null, null);
    }

    /** A job worked whole, counted as {@code total} (e.g. the endpoints a bulk create makes). */
    public static NewJob whole(String kind, Object payload, int total) {
        return new NewJob(kind, payload, total, null, null, null);
    }

    public NewJob labelled(String iccidRange, String endpointStatus) {
        return new NewJob(kind, payload, total, items, iccidRange, endpointStatus);
    }
}
