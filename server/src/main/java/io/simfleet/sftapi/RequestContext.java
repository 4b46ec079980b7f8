package io.simfleet.sftapi;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Per-request values the wire layer needs: the response id and the clock. */
final class RequestContext {
    static final String RESPONSE_ID = "simfleet.responseId";
    private static volatile Clock clock = Clock.systemUTC();

    private RequestContext() {}

    static void useClock(Clock c) {
        clock = c;
    }

    static Clock clock() {
        return clock;
    }

    static String responseId() {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        Object id = attrs == null ? null : attrs.getAttribute(RESPONSE_ID, RequestAttributes.SCOPE_REQUEST);
        return id != null ? id.toString() : Sft.newResponseId();
    }

    static String responseId(HttpServletRequest req) {
        Object id = req.getAttribute(RESPONSE_ID);
        return id != null ? id.toString() : Sft.newResponseId();
    }
}
