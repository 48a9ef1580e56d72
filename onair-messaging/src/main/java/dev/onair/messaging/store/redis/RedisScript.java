package dev.onair.messaging.store.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One Lua script (common.lua + its own file, from the class path), run by EVALSHA; after a Redis restart or
 * SCRIPT FLUSH forgot it, by EVAL (which caches it again). Loaded once with SCRIPT LOAD when the store connects.
 */
final class RedisScript {
    private final String source;
    private final String sha;

    private RedisScript(String source, String sha) {
        this.source = source;
        this.sha = sha;
    }

    /** Reads {@code name}.lua after common.lua and loads it into Redis (blocking: called while connecting). */
    static RedisScript load(RedisAsyncCommands<String, String> redis, String name) throws Exception {
        String source = resource("common.lua") + "\n" + resource(name + ".lua");
        String sha = redis.scriptLoad(source).get();
        return new RedisScript(source, sha);
    }

    /** Runs the script; its reply is a list (nested lists, strings and longs). */
    CompletionStage<List<Object>> run(RedisAsyncCommands<String, String> redis, String[] keys, String[] args) {
        CompletableFuture<List<Object>> out = new CompletableFuture<>();
        redis.<List<Object>>evalsha(sha, ScriptOutputType.MULTI, keys, args).whenComplete((reply, error) -> {
            if (error == null) {
                out.complete(reply);
            } else if (isNoScript(error)) {
                redis.<List<Object>>eval(source, ScriptOutputType.MULTI, keys, args).whenComplete((r, e) -> {
                    if (e == null) {
                        out.complete(r);
                    } else {
                        out.completeExceptionally(e);
                    }
                });
            } else {
                out.completeExceptionally(error);
            }
        });
        return out;
    }

    private static boolean isNoScript(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RedisNoScriptException
                    || (t.getMessage() != null && t.getMessage().startsWith("NOSCRIPT"))) {
                return true;
            }
        }
        return false;
    }

    private static String resource(String file) {
        try (InputStream in = RedisScript.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
