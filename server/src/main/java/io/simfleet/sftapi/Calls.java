package io.simfleet.sftapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * What a finished request was, for its access-log line ({@link AccessLogFilter}) and its metrics
 * ({@link RequestObservationConvention}): the call — the pattern of the route it was routed to,
 * as mapped ({@code /api/CreateEndPoint}, {@code /admin/accounts/{id}}), never the raw path, so a
 * metric's values stay as few as the routes — and the detailed result code of its answer.
 *
 * <p>A request refused before routing (no token, a refused account type, the rate limit, an
 * idempotent replay) is named by the route it would have reached, looked up the way the dispatcher
 * does; one the firewall or the hygiene filter refused as malformed (400), or that names no route,
 * is {@code UNKNOWN} ({@code NOT_FOUND} for a 404). Decided once, when the request has been
 * answered, and kept on the request.
 */
final class Calls {
    static final String CALL = "simfleet.call";
    /** The value of a request whose answer carries no detailed code (the operator API's successes, health, login's tokens). */
    static final String NO_CODE = "none";

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;
    /** The handler mappings in the dispatcher's order, looked up once (they exist only once the context has started). */
    private volatile List<RequestMappingInfoHandlerMapping> ordered;

    Calls(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** Called once the request has been answered: decides its call and result code and keeps them on the request. */
    Outcome finish(HttpServletRequest req, int status) {
        String call = call(req, status);
        req.setAttribute(CALL, call);
        String code = RequestContext.resultCode(req);
        if (code == null) {
            // an answer the container writes after sendError (a 404, a 405 Tomcat decided): the envelope it gets
            code = status >= 400 ? Integer.toString(SftResponses.codeForStatus(status)) : NO_CODE;
            req.setAttribute(RequestContext.RESULT_CODE, code);
        }
        return new Outcome(call, code);
    }

    /** The call and the result code of a request {@link #finish}ed, or null before. */
    static Outcome finished(HttpServletRequest req) {
        Object call = req.getAttribute(CALL);
        return call == null ? null : new Outcome(call.toString(), RequestContext.resultCode(req));
    }

    record Outcome(String call, String resultCode) {}

    private String call(HttpServletRequest req, int status) {
        Object routed = req.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (routed != null) return routed.toString();
        if (status != 400 && status != 404) {
            String route = lookUp(req);
            if (route != null) return route;
        }
        if (status == 404) return "NOT_FOUND";
        return "UNKNOWN";
    }

    /** The route the dispatcher would have picked (controllers, then the actuator's), as it picks it. */
    private String lookUp(HttpServletRequest req) {
        List<RequestMappingInfoHandlerMapping> candidates = ordered;
        if (candidates == null) ordered = candidates = mappings.orderedStream().toList();
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(req)) ServletRequestPathUtils.parseAndCache(req);
            for (RequestMappingInfoHandlerMapping mapping : candidates) {
                HandlerExecutionChain handler = mapping.getHandler(req);
                Object pattern = req.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                if (handler != null && pattern != null) return pattern.toString();
            }
        } catch (Exception e) {
            // a method the route does not take, a media type it does not read …: no call of ours
        }
        return null;
    }
}
