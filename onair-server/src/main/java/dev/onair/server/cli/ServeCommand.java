package dev.onair.server.cli;

import dev.onair.server.OnairServer;
import dev.onair.server.config.ConfigFile;
import dev.onair.server.config.ConfigResolver;
import dev.onair.server.config.LocalAddresses;
import dev.onair.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair serve}: runs the server until Ctrl-C / SIGTERM, then stops HTTP and media gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Run the SFU with its WHIP/WHEP HTTP API.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (default 8080; 0 = any free port)")
    Integer httpPort;

    @Option(names = "--media-port", paramLabel = "PORT", description = "UDP media port (default 10000; 0 = any free port)")
    Integer mediaPort;

    @Option(names = "--announce-ip", paramLabel = "IP",
            description = "address put in ICE candidates; repeatable (default: every local IPv4 address that is up)")
    List<String> announceIps = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file; flags override it")
    Path configFile;

    @Option(names = "--max-sessions", paramLabel = "N", description = "session limit (default 500)")
    Integer maxSessions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Merges file and flags into a validated configuration. */
    ServerConfig resolveConfig() {
        ConfigFile file = configFile == null ? ConfigFile.empty() : ConfigFile.read(configFile);
        return ConfigResolver.resolve(file, httpPort, mediaPort, announceIps, maxSessions, LocalAddresses::upIpv4);
    }

    @Override
    public Integer call() {
        ServerConfig cfg = resolveConfig();
        OnairServer server = OnairServer.start(cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "onair-shutdown"));
        spec.commandLine().getOut().printf("onair listening: HTTP http://0.0.0.0:%d  media udp/%d  announce %s%n",
                server.httpPort(), server.mediaPort(), server.config().announceIps());
        spec.commandLine().getOut().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }
}
