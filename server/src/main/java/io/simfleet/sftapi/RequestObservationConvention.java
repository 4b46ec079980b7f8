package io.simfleet.sftapi;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The tags of {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds}):
 * Spring's (method, status, outcome, exception, uri) with {@code uri} the call as {@link Calls}
 * names it — also for a request refused before routing — and {@code result.code}
 * ({@code result_code}), the detailed result code of the answer or {@code none}. Both are decided
 * when the request has been answered; the observation's start (the in-flight gauge) sees
 * {@code UNKNOWN} and {@code none}.
 */
final class RequestObservationConvention extends DefaultServerRequestObservationConvention {
    static final String RESULT_CODE = "result.code";

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        Calls.Outcome outcome = Calls.finished(context.getCarrier());
        return outcome != null ? KeyValue.of("uri", outcome.call()) : super.uri(context);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Calls.Outcome outcome = Calls.finished(context.getCarrier());
        String code = outcome == null || outcome.resultCode() == null ? Calls.NO_CODE : outcome.resultCode();
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(RESULT_CODE, code));
    }
}
