package dev.onair.server.config;

import java.util.List;
import java.util.function.Supplier;

/**
 * Merges the config file with command-line flags (flags win) and fills defaults. The default announce
 * addresses come from a supplier so tests need not enumerate the machine's interfaces.
 */
public final class ConfigResolver {
    private ConfigResolver() {
    }

    /**
     * @param file        the parsed file, or {@link ConfigFile#empty()}
     * @param httpPort    --http-port or null
     * @param mediaPort   --media-port or null
     * @param announceIps --announce-ip values, empty when not given
     * @param maxSessions --max-sessions or null
     * @param localIps    default announce addresses when neither file nor flags name any
     */
    public static ServerConfig resolve(ConfigFile file, Integer httpPort, Integer mediaPort, List<String> announceIps,
                                       Integer maxSessions, Supplier<List<String>> localIps) {
        int http = first(httpPort, file.httpPort(), ServerConfig.DEFAULT_HTTP_PORT);
        int media = first(mediaPort, file.mediaPort(), ServerConfig.DEFAULT_MEDIA_PORT);
        int max = first(maxSessions, file.maxSessions(), ServerConfig.DEFAULT_MAX_SESSIONS);
        List<String> ips;
        if (announceIps != null && !announceIps.isEmpty()) {
            ips = announceIps;
        } else if (file.announceIps() != null && !file.announceIps().isEmpty()) {
            ips = file.announceIps();
        } else {
            ips = localIps.get();
        }
        return new ServerConfig(http, media, ips, file.keys(), max, WebhookConfig.from(file.webhooks()),
                RoomConfig.from(file.rooms()), RecorderConfig.from(file.recorder()),
                QualityConfig.intervalMillis(file.quality()), MessagingSettings.from(file.messaging()));
    }

    private static int first(Integer flag, Integer fromFile, int fallback) {
        if (flag != null) {
            return flag;
        }
        return fromFile != null ? fromFile : fallback;
    }
}
