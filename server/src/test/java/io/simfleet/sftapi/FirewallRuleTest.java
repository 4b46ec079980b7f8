package io.simfleet.sftapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's faster check of header names and values is the default rule, code point by code point. */
class FirewallRuleTest {
    /** Spring Security's defaults: header names, and header values (a tab allowed). */
    static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheDefaultRuleJudgesIt() {
        int differ = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = "Bearer a" + new String(Character.toChars(cp)) + "z";
            if (SftSecurityConfig.printable(s, false) != NAMES.matcher(s).matches()) differ++;
            if (SftSecurityConfig.printable(s, true) != VALUES.matcher(s).matches()) differ++;
        }
        assertEquals(0, differ, "code points judged otherwise than by the default rule");
    }

    @Test
    void unpairedSurrogatesAndTheEmptyStringAsTheDefault() {
        for (String s : new String[] {"", "\uD800", "a\uDC00b", "\uD83D\uDE00", "tab\there", "del\u007f", "c1\u0085", "nbsp\u00a0"}) {
            assertEquals(NAMES.matcher(s).matches(), SftSecurityConfig.printable(s, false), s);
            assertEquals(VALUES.matcher(s).matches(), SftSecurityConfig.printable(s, true), s);
        }
    }
}
