package io.simfleet.common;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * The rules every input obeys, whichever edge it comes through (SFT body or query, operator JSON
 * or CSV): numbers are written in ASCII digits, text holds no control character and has a
 * maximum length, an amount fits the money columns. Refusals are {@code 1001} naming the field.
 */
public final class Input {
    /** The longest free text the operator API takes when no stricter rule names a field (docs/api-compatibility.md, Field limits). */
    public static final int MAX_TEXT = 255;
    /** Money columns are NUMERIC(14, 2). */
    private static final int AMOUNT_INTEGER_DIGITS = 12;
    private static final int AMOUNT_DECIMALS = 2;

    private Input() {}

    /**
     * Whether {@code s} is one or more of the ASCII digits 0–9. {@link Character#isDigit} and
     * {@link Long#parseLong} also take other scripts' digits (Arabic-Indic {@code ٥١٣٦٨٥٩٢} …),
     * which no ICCID, IMSI, MSISDN or id is written in.
     */
    public static boolean asciiDigits(CharSequence s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /**
     * The ICCID as every call takes it: 18–22 ASCII digits; answers it, or raises 1001 naming
     * {@code iccid} (null included).
     */
    public static String iccid(String iccid) {
        if (iccid == null || iccid.length() < 18 || iccid.length() > 22 || !asciiDigits(iccid)) throw DomainException.wrong("iccid");
        return iccid;
    }

    /** Whether {@code s} holds a control character (Unicode Cc: U+0000–U+001F, U+007F–U+009F), NUL, tab and line breaks included. */
    public static boolean hasControlCharacter(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) return true;
        }
        return false;
    }

    /** Why {@code s} is not acceptable text of at most {@code max} characters, or null when it is (or is null). */
    public static String textProblem(String s, int max) {
        if (s == null) return null;
        if (hasControlCharacter(s)) return "control character";
        if (s.length() > max) return "longer than " + max + " characters";
        return null;
    }

    /** {@code s} when it is acceptable text of at most {@code max} characters (null passes); else 1001 naming {@code field}. */
    public static String text(String s, String field, int max) {
        if (textProblem(s, max) != null) throw DomainException.wrong(field);
        return s;
    }

    /** {@code amount} when a money column holds it as given: ≥ 0, at most 12 digits before the point and 2 after (null passes); else 1001. */
    public static BigDecimal amount(BigDecimal amount, String field) {
        if (amount == null) return null;
        BigDecimal a = amount.stripTrailingZeros();
        if (a.signum() < 0 || a.precision() - a.scale() > AMOUNT_INTEGER_DIGITS || a.scale() > AMOUNT_DECIMALS) {
            throw DomainException.wrong(field);
        }
        return amount;
    }

    /**
     * Whether {@code failure} is the database refusing a value as data (SQLState class 22: numeric
     * value out of range, invalid byte sequence, string too long …): bad input that got past the
     * checks above, never a conflict with a concurrent writer.
     */
    public static boolean refusedAsData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("22")) return true;
        }
        return false;
    }
}
