package io.simfleet.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client of the portal: its own cookie jar, no redirects followed, forms posted with the page's CSRF token. */
final class PortalSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    PortalSession(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.build());
    }

    /** Posts a form; {@code csrfFrom} the page whose form token to send (null: none). */
    HttpResponse<String> post(String path, String csrfFrom, String... fields) {
        StringBuilder body = new StringBuilder();
        if (csrfFrom != null) {
            Matcher m = CSRF.matcher(get(csrfFrom).body());
            if (!m.find()) throw new AssertionError("no CSRF token on " + csrfFrom);
            body.append("_csrf=").append(URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
        }
        for (int i = 0; i < fields.length; i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Signs in; fails unless the portal accepted the credentials. */
    PortalSession login(String username, String password) {
        HttpResponse<String> r = post("/portal/login", "/portal/login", "username", username, "password", password);
        String to = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || to.contains("error")) throw new AssertionError("portal login " + username + ": " + r.statusCode() + " " + to);
        return this;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
