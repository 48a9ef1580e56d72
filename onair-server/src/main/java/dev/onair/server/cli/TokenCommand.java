package dev.onair.server.cli;

import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.ConfigFile;
import dev.onair.server.config.ConfigResolver;
import dev.onair.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair token}: prints a signed access token (configured key, or the dev key without a config). */
@Command(name = "token", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Print an access token (JWT) for a room.")
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--room", required = true, paramLabel = "ROOM", description = "room name, or * for every room")
    String room;

    @Option(names = "--identity", required = true, paramLabel = "ID", description = "participant identity (sub)")
    String identity;

    @Option(names = "--name", paramLabel = "NAME", description = "display name")
    String name;

    @Option(names = "--perms", paramLabel = "LIST", converter = PermissionsConverter.class,
            description = "comma list of publish, subscribe, chat, admin, lab (default publish,subscribe)")
    Set<Permission> perms = EnumSet.of(Permission.PUBLISH, Permission.SUBSCRIBE);

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "lifetime such as 90s, 30m, 6h, 2d (default 6h)")
    Duration ttl = Duration.ofHours(6);

    @Option(names = "--kind", paramLabel = "KIND",
            description = "conference or broadcast: the kind of room this token creates if it does not exist")
    String roomKind;

    @Option(names = "--metadata", paramLabel = "TEXT", description = "participant metadata (at most 1 KiB)")
    String metadata;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file with keys")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The clock tokens are issued with; tests replace it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        ConfigFile file = configFile == null ? ConfigFile.empty() : ConfigFile.read(configFile);
        ServerConfig cfg = ConfigResolver.resolve(file, null, null, List.of(), null, List::of);
        if (cfg.devMode()) {
            spec.commandLine().getErr().println("warning: no keys configured, signing with the public dev key '"
                    + ServerConfig.DEV_KEY_ID + "'");
        }
        if (roomKind != null && !roomKind.equals("conference") && !roomKind.equals("broadcast")) {
            spec.commandLine().getErr().println("error: --kind must be conference or broadcast");
            return 2;
        }
        if (metadata != null && metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1024) {
            spec.commandLine().getErr().println("error: --metadata is limited to 1 KiB");
            return 2;
        }
        TokenService tokens = new TokenService(cfg.effectiveKeys(), cfg.signingKeyId(), clock);
        spec.commandLine().getOut().println(tokens.mint(new TokenSpec(room, identity, name, perms, ttl, metadata,
                roomKind)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
