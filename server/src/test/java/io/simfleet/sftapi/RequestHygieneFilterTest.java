package io.simfleet.sftapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Strict query-string decoding; the answers (400 1001 naming the parameter) are HostileRequestTest's. */
class RequestHygieneFilterTest {
    @Test
    void decodesFormEncodedUtf8() {
        assertEquals(Optional.of("a b"), RequestHygieneFilter.decode("a+b"));
        assertEquals(Optional.of("é/"), RequestHygieneFilter.decode("%C3%a9%2F"));
        assertEquals(Optional.of(""), RequestHygieneFilter.decode(""));
    }

    @Test
    void refusesBadEscapesInvalidUtf8AndRawBytes() {
        for (String bad : new String[] {"%", "%Z1", "%1", "a%2", "%C3%28", "%FF", "é", "a\tb", "%ED%A0%80"}) {
            assertEquals(Optional.empty(), RequestHygieneFilter.decode(bad), bad);
        }
    }

    @Test
    void namesTheFirstBadParameter() {
        assertEquals(Optional.empty(), RequestHygieneFilter.invalidQueryParameter(null));
        assertEquals(Optional.empty(), RequestHygieneFilter.invalidQueryParameter(""));
        assertEquals(Optional.empty(), RequestHygieneFilter.invalidQueryParameter("endPointId=1&flag&x=%41"));
        assertEquals(Optional.of("endPointId"), RequestHygieneFilter.invalidQueryParameter("a=1&endPointId=%ZZ&b=%ZZ"));
        assertEquals(Optional.of("query parameter name"), RequestHygieneFilter.invalidQueryParameter("%ZZ=1"));
        assertEquals(Optional.of("query parameter name"), RequestHygieneFilter.invalidQueryParameter("a%00b=1"),
                "a name with a control character is not repeated back");
        assertEquals(Optional.of("query parameter name"), RequestHygieneFilter.invalidQueryParameter("x".repeat(65) + "=%ZZ"),
                "nor a name over 64 characters");
    }
}
