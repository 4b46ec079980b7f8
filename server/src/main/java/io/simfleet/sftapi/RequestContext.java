package io.simfleet.sftapi;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Per-request values the wire layer needs, kept as request attributes: the response id (given by
 * {@link AccessLogFilter}, the first filter), the platform's clock (the injected one, handed over
 * by {@link RequestHygieneFilter}) and the zone its timestamps are written in (the platform's,
 * then the caller's account's once it is authenticated). Outside a request (a container error
 * before any filter): a new id, the system time, UTC.
 *
 * <p>What the access log and the request metrics say of a request is kept here too: the account
 * its token acts in ({@link BearerTokenFilter}) and the detailed result code of its answer
 * ({@code resultParam.resultCode}, recorded where the answer is built, never read back from the body).
 */
final class RequestContext {
    static final String RESPONSE_ID = "simfleet.responseId";
    static final String CLOCK = "simfleet.clock";
    static final String ZONE = "simfleet.zone";
    static final String ACCOUNT = "simfleet.account";
    static final String RESULT_CODE = "simfleet.resultCode";

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

    /**
     * The answer being built carries this detailed result code. The last one recorded is kept: an
     * answer replaced by the exception handler's (a failure while the first was written) is the one sent.
     */
    static void resultCode(int code) {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (attrs != null) attrs.setAttribute(RESULT_CODE, Integer.toString(code), RequestAttributes.SCOPE_REQUEST);
    }

    /** Same, for a code known as text (a stored answer replayed, the operator API's own JSON): kept only when it is a number, so a metric's values stay few. */
    static void resultCode(HttpServletRequest req, String code) {
        if (code != null && code.matches("[0-9]{1,6}")) req.setAttribute(RESULT_CODE, code);
    }

    /** The detailed result code recorded for the request's answer, or null when its answer carries none. */
    static String resultCode(HttpServletRequest req) {
        Object code = req.getAttribute(RESULT_CODE);
        return code == null ? null : code.toString();
    }

    private static Object attribute(String name) {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        return attrs == null ? null : attrs.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    }
}
