package io.simfleet.sftapi;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Per-request values the wire layer needs, kept as request attributes: the response id, the
 * platform's clock (the injected one, handed over by {@link RequestHygieneFilter}) and the
 * zone its timestamps are written in (the platform's, then the caller's account's once it is
 * authenticated). Outside a request (a container error before any filter): a new id, the system
 * time, UTC.
 */
final class RequestContext {
    static final String RESPONSE_ID = "simfleet.responseId";
    static final String CLOCK = "simfleet.clock";
    static final String ZONE = "simfleet.zone";

    private static final ZoneId UTC = ZoneId.of("UTC");

    private RequestContext() {}

    static String responseId() {
        Object id = attribute(RESPONSE_ID);
        return id != null ? id.toString() : Sft.newResponseId();
    }

    static String responseId(HttpServletRequest req) {
        Object id = req.getAttribute(RESPONSE_ID);
        return id != null ? id.toString() : Sft.newResponseId();
    }

    /** Now, by the platform's clock (the one injected into the hygiene filter). */
    static Instant now() {
        return attribute(CLOCK) instanceof Clock c ? c.instant() : Instant.now();
    }

    static ZoneId zone() {
        return attribute(ZONE) instanceof ZoneId z ? z : UTC;
    }

    private static Object attribute(String name) {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        return attrs == null ? null : attrs.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    }
}
