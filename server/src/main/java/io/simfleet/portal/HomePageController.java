package io.simfleet.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: what a person who opens the server's address in a browser sees — a short static
 * page from the jar ({@code portal/index.html}) that says what the server is and links the API
 * description, Swagger UI, health and the documentation, and leads people to the portal
 * ({@code /portal}). Public, read-only.
 */
@RestController
class HomePageController {
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /** A page of our own, without scripts: nothing else may load into it or frame it. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    private final byte[] page = load("portal/index.html");

    @GetMapping("/")
    ResponseEntity<byte[]> home() {
        return ResponseEntity.ok().contentType(HTML).header("Content-Security-Policy", POLICY).body(page);
    }

    private static byte[] load(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the root page " + path + " is missing from the jar", e);
        }
    }
}
