package io.simfleet.endpoint;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completes the de-links queued while a data session was open (7021), every
 * {@code simfleet.delink-poll-interval} (default 5 s). Rows are claimed with SKIP LOCKED, so
 * several server instances can run it side by side.
 */
@Component
class PendingDelinkWorker {
    private final EndpointOperations operations;

    PendingDelinkWorker(EndpointOperations operations) {
        this.operations = operations;
    }

    @Scheduled(fixedDelayString = "${simfleet.delink-poll-interval:5s}", initialDelayString = "${simfleet.delink-poll-interval:5s}")
    void run() {
        operations.completePendingDelinks();
    }
}
