package io.simfleet.sftapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its response id and writes one line per request to the logger
 * {@code io.simfleet.access}: method, call (the route's pattern, {@link Calls}), HTTP status,
 * detailed result code, duration, account and response id — also as MDC entries, which the
 * structured (JSON) log formats write as fields of their own, and which every other line logged
 * while the request is served carries too ({@code responseId}, then {@code account} once the token
 * is accepted). Never the query string, a header or the body: no password or token reaches the
 * log through it.
 *
 * <p>Runs first (only the request metrics' observation is outside it), and binds the request to
 * the thread for the filters before Spring's own {@code RequestContextFilter}, so an answer the
 * hygiene filter writes carries the same response id as its log line. Successful actuator requests
 * (health probes, metric scrapes) are logged at DEBUG only.
 */
final class AccessLogFilter extends OncePerRequestFilter {
    static final Logger ACCESS = LoggerFactory.getLogger("io.simfleet.access");
    static final String MDC_RESPONSE_ID = "responseId";
    static final String MDC_ACCOUNT = "account";
    private static final String[] LINE_KEYS = {"method", "call", "status", "resultCode", "durationMs"};

    private final Calls calls;

    AccessLogFilter(Calls calls) {
        this.calls = calls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String id = Sft.newResponseId();
        req.setAttribute(RequestContext.RESPONSE_ID, id);
        ServletRequestAttributes attributes = new ServletRequestAttributes(req, res);
        RequestContextHolder.setRequestAttributes(attributes);
        MDC.put(MDC_RESPONSE_ID, id);
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(req, res);
            failed = false;
        } finally {
            try {
                log(req, failed ? 500 : res.getStatus(), (System.nanoTime() - start) / 1_000_000);
            } finally {
                MDC.remove(MDC_RESPONSE_ID);
                MDC.remove(MDC_ACCOUNT);
                RequestContextHolder.resetRequestAttributes();
                attributes.requestCompleted();
            }
        }
    }

    private void log(HttpServletRequest req, int status, long millis) {
        Calls.Outcome outcome = calls.finish(req, status);
        boolean quiet = outcome.call().startsWith("/actuator") && status < 400;
        if (quiet ? !ACCESS.isDebugEnabled() : !ACCESS.isInfoEnabled()) return;
        Object account = req.getAttribute(RequestContext.ACCOUNT);
        if (account != null) MDC.put(MDC_ACCOUNT, account.toString());
        String method = req.getMethod();
        MDC.put("method", method);
        MDC.put("call", outcome.call());
        MDC.put("status", Integer.toString(status));
        MDC.put("resultCode", outcome.resultCode());
        MDC.put("durationMs", Long.toString(millis));
        try {
            String line = method + " " + outcome.call() + " " + status + " " + outcome.resultCode() + " " + millis + "ms"
                    + " account=" + (account == null ? "-" : account) + " responseId=" + req.getAttribute(RequestContext.RESPONSE_ID);
            if (quiet) {
                ACCESS.debug(line);
            } else {
                ACCESS.info(line);
            }
        } finally {
            for (String key : LINE_KEYS) MDC.remove(key);
        }
    }
}
