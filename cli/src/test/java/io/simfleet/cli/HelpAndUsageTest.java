package io.simfleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What needs no server: help with an example on every command, exit codes, completion, usage errors, the config directory. */
class HelpAndUsageTest {
    @TempDir
    Path config;

    @Test
    void everyCommandHasHelpWithAnExample() {
        CommandLine root = SimfleetCommand.commandLine(new Env(Map.of(), config, System.in, System.out, System.err, false));
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        assertTrue(all.size() >= 25, "every command and sub-command: " + all.size());
        for (CommandLine c : all) {
            String path = c.getCommandSpec().qualifiedName();
            String[] words = path.split(" ");
            Cli.Result help = new Cli(config).run(append(words, "--help"));
            if (!path.equals("simfleet help")) assertEquals(0, help.exit(), path + ": " + help);
            String usage = c.getUsageMessage();
            assertTrue(usage.contains("Example"), path + " has no example:\n" + usage);
            assertTrue(usage.contains("  simfleet " + (words.length > 1 ? words[1] : "")) || usage.contains("source <(simfleet"),
                    path + "'s example runs simfleet:\n" + usage);
        }
    }

    @Test
    void theTopHelpListsTheExitCodes() {
        Cli.Result r = new Cli(config).run("--help");
        assertEquals(0, r.exit());
        for (String code : List.of("0", "3", "4", "5", "6", "7", "8", "130")) {
            assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith(code + " ")), "exit code " + code + " documented:\n" + r.out());
        }
        assertEquals(ExitCodes.REFUSED, 3);
        assertTrue(r.out().contains("endpoints") && r.out().contains("bulk") && r.out().contains("catalog"));
    }

    @Test
    void theCompletionScriptKnowsTheCommands() {
        Cli.Result r = new Cli(config).run("generate-completion");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("complete -F"), "a bash completion function");
        for (String word : List.of("endpoints", "provision", "--output", "--profile", "ranges")) {
            assertTrue(r.out().contains(word), word + " is completed");
        }
    }

    @Test
    void versionAndUsageErrors() {
        Cli.Result v = new Cli(config).run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("simfleet "), v.out());

        Cli.Result unknown = new Cli(config).run("endpoints", "frobnicate");
        assertEquals(ExitCodes.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("frobnicate"), unknown.err());

        Cli.Result badFormat = new Cli(config).run("endpoints", "list", "--output", "xml");
        assertEquals(ExitCodes.USAGE, badFormat.exit());

        Cli.Result twoSources = new Cli(config).env("SIMFLEET_URL", "http://127.0.0.1:9").env("SIMFLEET_USERNAME", "u").env("SIMFLEET_PASSWORD", "p")
                .run("bulk", "provision", "--range", "8932042000000000000-8932042000000000009", "--csv", "x.csv");
        assertEquals(ExitCodes.USAGE, twoSources.exit(), twoSources.toString());
        assertTrue(twoSources.err().contains("exactly one of"), twoSources.err());

        Cli.Result badProfile = new Cli(config).run("endpoints", "list", "--profile", "../etc");
        assertEquals(ExitCodes.USAGE, badProfile.exit(), badProfile.toString());
    }

    @Test
    void withoutALoginACommandSaysHowToLogIn() {
        Cli.Result r = new Cli(config).run("endpoints", "list", "--profile", "prod");
        assertEquals(ExitCodes.AUTH, r.exit(), r.toString());
        assertTrue(r.err().contains("not logged in (profile 'prod')"), r.err());
        assertTrue(r.err().contains("simfleet login --url URL --username USER --profile prod"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void theConfigDirectoryFollowsTheEnvironment() {
        assertEquals(Path.of("/x/cfg"), Env.configDir(Map.of("SIMFLEET_CONFIG_DIR", "/x/cfg", "XDG_CONFIG_HOME", "/y"), "Linux", "/home/u"));
        assertEquals(Path.of("/y", "simfleet"), Env.configDir(Map.of("XDG_CONFIG_HOME", "/y"), "Linux", "/home/u"));
        assertEquals(Path.of("/home/u", ".config", "simfleet"), Env.configDir(Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("C:/Users/u/AppData/Roaming", "simfleet"),
                Env.configDir(Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", "C:/Users/u"));
        assertFalse(Files.exists(config.resolve("profiles")), "nothing written by reading");
    }

    @Test
    void csvIsQuotedAndReadBack() {
        String line = Output.csvLine(List.of("a", "b,c", "say \"hi\"", ""));
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",", line);
        assertEquals(List.of("a", "b,c", "say \"hi\"", ""), Output.parseCsvLine(line));
    }

    @Test
    void valuesAreReadFromPlainListsAndCsvColumns() throws Exception {
        Path plain = config.resolve("plain.txt");
        Files.writeString(plain, "8932042000000000001\n\n8932042000000000002\n");
        assertEquals(List.of("8932042000000000001", "8932042000000000002"), BulkCommand.readColumn(plain, "iccid", true));
        Path csv = config.resolve("sims.csv");
        Files.writeString(csv, "\uFEFFname,ICCID\nx,8932042000000000003\ny,\"8932042000000000004\"\n");
        assertEquals(List.of("8932042000000000003", "8932042000000000004"), BulkCommand.readColumn(csv, "iccid", true));
        Path twice = config.resolve("twice.csv");
        Files.writeString(twice, "iccid\n8932042000000000005\n8932042000000000005\n");
        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> BulkCommand.readColumn(twice, "iccid", true));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("twice"), e.getMessage());
        Path noColumn = config.resolve("nocol.csv");
        Files.writeString(noColumn, "name,msisdn\nx,1\n");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> BulkCommand.readColumn(noColumn, "iccid", true))
                .getMessage().contains("no column named iccid"));
    }

    private static void collect(CommandLine c, List<CommandLine> all) {
        all.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, all));
    }

    private static String[] append(String[] words, String last) {
        String[] args = new String[words.length];
        System.arraycopy(words, 1, args, 0, words.length - 1);
        args[words.length - 1] = last;
        return args;
    }
}
