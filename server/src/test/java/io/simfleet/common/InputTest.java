package io.simfleet.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class InputTest {
    @Test
    void asciiDigitsOnly() {
        assertTrue(Input.asciiDigits("0123456789"));
        assertFalse(Input.asciiDigits(""));
        assertFalse(Input.asciiDigits("٥١٣٦٨٥٩٢"), "Arabic-Indic digits");
        assertFalse(Input.asciiDigits("１２"), "full-width digits");
        assertFalse(Input.asciiDigits("12a"));
        assertFalse(Input.asciiDigits("-1"));
    }

    @Test
    void iccidIs18To22AsciiDigits() {
        assertEquals("893204200000001519", Input.iccid("893204200000001519"));
        assertEquals("8932042000000015191234", Input.iccid("8932042000000015191234"));
        for (String bad : new String[] {null, "", "89320420000000151", "89320420000000151912345", "89320420000000151x",
                "\u0668\u0669\u0663\u0662\u0660\u0664\u0662\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0661\u0665\u0661\u0669"}) {
            DomainException e = assertThrows(DomainException.class, () -> Input.iccid(bad), String.valueOf(bad));
            assertEquals(ResultCode.WRONG_INPUT_PARAMETER, e.code());
        }
    }

    @Test
    void controlCharacters() {
        for (String bad : new String[] {"a\u0000", "a\tb", "a\nb", "\u007f", "\u0085", "\u009f"}) {
            assertTrue(Input.hasControlCharacter(bad), bad);
        }
        assertFalse(Input.hasControlCharacter("naïve – text €"));
    }

    @Test
    void text() {
        assertNull(Input.textProblem(null, 3));
        assertNull(Input.textProblem("abc", 3));
        assertEquals("longer than 3 characters", Input.textProblem("abcd", 3));
        assertEquals("control character", Input.textProblem("a\u0000", 3));
        assertEquals("abc", Input.text("abc", "name", 3));
        DomainException e = assertThrows(DomainException.class, () -> Input.text("abcd", "name", 3));
        assertEquals(ResultCode.WRONG_INPUT_PARAMETER, e.code());
        assertEquals("name", e.detail());
    }

    @Test
    void amountsFitNumeric14Comma2() {
        assertNull(Input.amount(null, "monthlyLimit"));
        for (String ok : new String[] {"0", "999999999999.99", "1.50", "1.500", "1E+2"}) {
            assertEquals(new BigDecimal(ok), Input.amount(new BigDecimal(ok), "monthlyLimit"), ok);
        }
        for (String bad : new String[] {"-0.01", "1000000000000", "0.001", "1E+12"}) {
            DomainException e = assertThrows(DomainException.class, () -> Input.amount(new BigDecimal(bad), "monthlyLimit"), bad);
            assertEquals(ResultCode.WRONG_INPUT_PARAMETER, e.code());
            assertEquals("monthlyLimit", e.detail());
        }
    }

    @Test
    void databaseRefusalsAsDataAreSqlStateClass22AnywhereInTheCauses() {
        assertTrue(Input.refusedAsData(new RuntimeException(new SQLException("out of range", "22003"))));
        assertFalse(Input.refusedAsData(new RuntimeException(new SQLException("unique", "23505"))));
        assertFalse(Input.refusedAsData(new SQLException("no state")));
        assertFalse(Input.refusedAsData(new RuntimeException()));
    }
}
