package io.simfleet.sftapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The safety net behind the input checks: a value PostgreSQL refuses as data is bad input (1001), not a lost race (10239). */
class SftExceptionHandlerTest {
    private final SftExceptionHandler handler = new SftExceptionHandler();

    private static JsonNode resultParam(ResponseEntity<Map<String, Object>> r) {
        return JsonMapper.builder().build().valueToTree(r.getBody()).path("Response").path("resultParam");
    }

    @Test
    void aDataExceptionOfTheDatabaseIsAWrongParameter() {
        for (String state : new String[] {"22003", "22021", "22001"}) { // numeric out of range, invalid byte sequence, string too long
            ResponseEntity<Map<String, Object>> r = handler.conflict(
                    new DataIntegrityViolationException("refused", new SQLException("refused", state)), new MockHttpServletRequest());
            assertEquals(200, r.getStatusCode().value());
            assertEquals("1001", resultParam(r).path("resultCode").asString());
            assertEquals("Wrong input parameter - Request", resultParam(r).path("resultDescription").asString());
        }
        ResponseEntity<Map<String, Object>> other = handler.unexpected(
                new UncategorizedSQLException("insert", "INSERT …", new SQLException("refused", "22P02")));
        assertEquals("1001", resultParam(other).path("resultCode").asString());
    }

    @Test
    void aConstraintLostToAConcurrentWriterStillSaysVerify() {
        MockHttpServletRequest req = new MockHttpServletRequest();
        ResponseEntity<Map<String, Object>> r = handler.conflict(
                new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505")), req);
        assertEquals("10239", resultParam(r).path("resultCode").asString());
        // a retry may succeed: the answer is not kept for the request's Idempotency-Key
        assertEquals(true, req.getAttribute(IdempotencyFilter.NOT_FINAL));
    }
}
