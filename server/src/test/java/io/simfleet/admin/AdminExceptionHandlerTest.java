package io.simfleet.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;

/** The operator API's safety net behind the input checks, in its plain JSON. */
class AdminExceptionHandlerTest {
    private final AdminExceptionHandler handler = new AdminExceptionHandler();

    @Test
    void aDataExceptionOfTheDatabaseIsAWrongParameterAndAConflictIsAConflict() {
        ResponseEntity<Map<String, String>> data = handler.database(
                new DataIntegrityViolationException("numeric field overflow", new SQLException("numeric field overflow", "22003")));
        assertEquals(400, data.getStatusCode().value());
        assertEquals(Map.of("resultCode", "1001", "resultDescription", "Wrong input parameter - Request"), data.getBody());
        ResponseEntity<Map<String, String>> conflict = handler.database(
                new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505")));
        assertEquals(409, conflict.getStatusCode().value());
        assertEquals("10239", conflict.getBody().get("resultCode"));
    }
}
