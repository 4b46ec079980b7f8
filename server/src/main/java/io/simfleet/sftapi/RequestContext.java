package io.simfleet.sftapi;

import io.simfleet.common.Actor;
import java.time.Clock;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Per-request values the wire layer needs: the response id, the authenticated actor, the clock. */
final class RequestContext {
    static final String RESPONSE_ID = "simfleet.responseId";
    static final String ACTOR = "simfleet.actor";
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

    static Actor actor() {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        return attrs == null ? null : (Actor) attrs.getAttribute(ACTOR, RequestAttributes.SCOPE_REQUEST);
    }
}
