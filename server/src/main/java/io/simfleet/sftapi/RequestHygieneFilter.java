package io.simfleet.sftapi;

import io.simfleet.common.BodyTooLargeException;
import io.simfleet.common.Input;
import io.simfleet.common.ResultCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Among the first things every request meets, before security and routing (only the access log
 * and the request metrics come before it, so its refusals are logged and counted too): it refuses,
 * in the envelope, what no call can take — a body over {@link BodyTooLargeException#MAX_BYTES}
 * (declared or chunked), a query string that is not valid percent-encoded UTF-8 (1001 naming the
 * parameter; the servlet container would otherwise fail on the first {@code getParameter}), and
 * the methods no call uses ({@code TRACE}, {@code OPTIONS}: 405; simfleet serves no browser
 * cross-origin calls).
 */
class RequestHygieneFilter extends OncePerRequestFilter {
    private final Clock clock;
    private final ZoneId zone;

    private final RequestMatcher streamed;

    /** @param streamed the uploads a call reads as a stream, of any size: exempt from the body limit */
    RequestHygieneFilter(Clock clock, ZoneId platformZone, RequestMatcher streamed) {
        this.clock = clock;
        this.zone = platformZone;
        this.streamed = streamed;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (req.getAttribute(RequestContext.RESPONSE_ID) == null) req.setAttribute(RequestContext.RESPONSE_ID, Sft.newResponseId());
        req.setAttribute(RequestContext.CLOCK, clock);
        req.setAttribute(RequestContext.ZONE, zone);
        String method = req.getMethod();
        if ("TRACE".equals(method) || "OPTIONS".equals(method)) {
            res.setHeader("Allow", "GET, POST, PUT, PATCH, DELETE");
            SftResponses.write(res, HttpStatus.METHOD_NOT_ALLOWED, ResultCode.WRONG_INPUT_PARAMETER.code(),
                    ResultCode.WRONG_INPUT_PARAMETER.describe("method " + method));
            return;
        }
        if (decode(req.getRequestURI()).isEmpty()) {
            // a bare or broken % escape (also in a ;path parameter), or bytes that are not UTF-8: Spring's
            // path parser, which runs before the firewall, would fail on it with an exception (500)
            SftResponses.write(res, HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER.code(),
                    ResultCode.WRONG_INPUT_PARAMETER.describe("path"));
            return;
        }
        // only a path that decodes reaches the matcher (which parses it)
        boolean unlimited = streamed.matches(req);
        if (!unlimited && req.getContentLengthLong() > BodyTooLargeException.MAX_BYTES) {
            SftResponses.tooLarge(res);
            return;
        }
        Optional<String> badParameter = invalidQueryParameter(req.getQueryString());
        if (badParameter.isPresent()) {
            SftResponses.write(res, HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER.code(),
                    ResultCode.WRONG_INPUT_PARAMETER.describe(badParameter.get()));
            return;
        }
        chain.doFilter(unlimited ? req : new LimitedBodyRequest(req), res);
    }

    /** The name of the first parameter (or "query") whose name or value is not valid percent-encoded UTF-8. */
    static Optional<String> invalidQueryParameter(String query) {
        if (query == null || query.isEmpty()) return Optional.empty();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> name = decode(rawName);
            if (name.isEmpty()) return Optional.of("query parameter name");
            if (eq >= 0 && decode(pair.substring(eq + 1)).isEmpty()) {
                String n = name.get();
                return Optional.of(printable(n) ? n : "query parameter name");
            }
            if (!printable(name.get())) return Optional.of("query parameter name");
        }
        return Optional.empty();
    }

    private static boolean printable(String s) {
        return s.length() <= 64 && !Input.hasControlCharacter(s);
    }

    /** Strict application/x-www-form-urlencoded decoding: every % followed by two hex digits, the bytes valid UTF-8. */
    static Optional<String> decode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return Optional.empty();
                int hi = hex(raw.charAt(i + 1));
                int lo = hex(raw.charAt(i + 2));
                if (hi < 0 || lo < 0) return Optional.empty();
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                return Optional.empty();
            } else {
                bytes.put((byte) (c == '+' ? ' ' : c));
            }
        }
        bytes.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Counts the bytes of the body as they are read, whatever the transfer encoding. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedBodyRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) limited = new LimitedInputStream(super.getInputStream());
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return reader(this);
        }
    }

    /** A reader over the request's input stream in its declared encoding (UTF-8 when none). */
    static BufferedReader reader(HttpServletRequest req) throws IOException {
        String enc = req.getCharacterEncoding();
        Charset cs;
        try {
            cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEncodingException(enc);
        }
        return new BufferedReader(new InputStreamReader(req.getInputStream(), cs));
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        LimitedInputStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > BodyTooLargeException.MAX_BYTES) throw new BodyTooLargeException();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
