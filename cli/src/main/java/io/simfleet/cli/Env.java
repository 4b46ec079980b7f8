package io.simfleet.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What a run of the CLI sees of the world: environment variables, the configuration directory,
 * standard streams, and whether a person sits at a terminal. One object, so that tests run the
 * commands in-process with their own.
 */
public record Env(Map<String, String> variables, Path configDir, InputStream in, PrintStream out, PrintStream err, boolean interactive) {

    /** The real one. */
    public static Env system() {
        Map<String, String> vars = System.getenv();
        return new Env(vars, configDir(vars, System.getProperty("os.name", ""), System.getProperty("user.home")), System.in,
                new PrintStream(System.out, true, StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8),
                System.console() != null);
    }

    /**
     * {@code SIMFLEET_CONFIG_DIR}; else {@code $XDG_CONFIG_HOME/simfleet}; else
     * {@code %APPDATA%\simfleet} on Windows; else {@code ~/.config/simfleet}.
     */
    static Path configDir(Map<String, String> vars, String osName, String home) {
        String explicit = vars.get("SIMFLEET_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = vars.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "simfleet");
        String appData = vars.get("APPDATA");
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") && appData != null && !appData.isBlank()) {
            return Path.of(appData, "simfleet");
        }
        return Path.of(home, ".config", "simfleet");
    }

    String var(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
