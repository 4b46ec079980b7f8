package io.simfleet.cli;

import io.simfleet.client.Credentials;
import io.simfleet.client.SimfleetClient;
import io.simfleet.client.Tokens;
import java.util.Optional;

/**
 * The client a command talks through: the server and tokens of the profile ({@code --profile},
 * {@code SIMFLEET_PROFILE}, else {@code default}), or {@code --url} / {@code SIMFLEET_URL}; with
 * {@code SIMFLEET_USERNAME} and {@code SIMFLEET_PASSWORD} set, it can log in by itself (scripts,
 * CI). Tokens the SDK renews are written back to the profile, so the next command starts with
 * them. A profile's tokens are only ever sent to the server they came from.
 */
final class Session {
    private final Env env;
    private final String profileName;
    private final Profiles profiles;
    private final String urlOption;
    private SimfleetClient client;

    Session(Env env, String profileName, String urlOption) {
        this.env = env;
        this.profileName = Profiles.checkName(profileName);
        this.profiles = new Profiles(env.configDir());
        this.urlOption = urlOption;
    }

    String profileName() {
        return profileName;
    }

    Profiles profiles() {
        return profiles;
    }

    /** {@code --profile NAME} when not the default one, to repeat in a hint. */
    String profileArg() {
        return profileName.equals(Profiles.DEFAULT) ? "" : " --profile " + profileName;
    }

    SimfleetClient client() {
        if (client != null) return client;
        Optional<Profiles.Profile> saved = profiles.load(profileName);
        String url = urlOption != null ? urlOption : env.var("SIMFLEET_URL") != null ? env.var("SIMFLEET_URL")
                : saved.map(Profiles.Profile::url).orElse(null);
        Credentials credentials = null;
        if (env.var("SIMFLEET_USERNAME") != null && env.var("SIMFLEET_PASSWORD") != null) {
            credentials = Credentials.of(env.var("SIMFLEET_USERNAME"), env.var("SIMFLEET_PASSWORD"), env.var("SIMFLEET_TARGET_ACCOUNT"));
        }
        Profiles.Profile profile = saved.filter(p -> sameServer(p.url(), url)).orElse(null);
        if (url == null || (profile == null && credentials == null)) {
            throw new CliException(ExitCodes.AUTH, "not logged in (profile '" + profileName + "'): run simfleet login"
                    + (url == null ? " --url URL" : "") + " --username USER" + profileArg());
        }
        SimfleetClient.Builder b = SimfleetClient.builder(url).credentials(credentials);
        if (profile != null && profile.accessToken() != null) {
            b.tokens(new Tokens(profile.accessToken(), profile.refreshToken()));
            b.tokenListener(t -> profiles.save(profileName, new Profiles.Profile(profile.url(), profile.username(),
                    profile.targetAccountId(), profile.accountId(), t.accessToken(), t.refreshToken())));
        }
        client = b.build();
        return client;
    }

    private static boolean sameServer(String a, String b) {
        return a != null && b != null && strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String u) {
        String s = u.trim();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s.endsWith("/api") ? s.substring(0, s.length() - 4) : s;
    }
}
