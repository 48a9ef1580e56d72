package dev.onair.server.e2e;

import dev.onair.server.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test page {@code /e2e/rooms.html} (from {@code src/test/resources/web/e2e/}, served by the server under
 * test from the test classpath) in one {@link Browser}: any number of onair.js {@code Room}s, each keyed by a
 * name, each with its own WebSocket and peer connections, driven through {@code window.harness}.
 */
public final class HarnessPage {
    private static final String CALL = "const done = arguments[arguments.length - 1];"
            + "Promise.resolve().then(() => window.harness[arguments[0]](...arguments[1]))"
            + ".then(r => done(r === undefined ? null : r), e => done({error: String(e && e.message || e)}));";
    private final Browser browser;

    public HarnessPage(Browser browser, String base) {
        this.browser = browser;
        browser.open(base + "/e2e/rooms.html");
        String ready = Poll.until(Duration.ofSeconds(15), () -> browser.text("window.harnessReady === true"),
                "true"::equals);
        if (!"true".equals(ready)) {
            throw new IllegalStateException("the harness page did not load");
        }
    }

    public Browser browser() {
        return browser;
    }

    /** What to join as. {@code kind} is the room kind for the dev token: conference or broadcast. */
    public record Join(String room, String identity, String kind, String perms, boolean camera, boolean mic) {
        public static Join conference(String room, String identity) {
            return new Join(room, identity, "conference", "publish,subscribe", true, true);
        }

        public static Join host(String room, String identity) {
            return new Join(room, identity, "broadcast", "publish,subscribe", true, true);
        }

        public static Join viewer(String room, String identity) {
            return new Join(room, identity, "broadcast", "subscribe", false, false);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("room", room);
            m.put("identity", identity);
            m.put("kind", kind);
            m.put("perms", perms);
            m.put("camera", camera);
            m.put("mic", mic);
            return m;
        }
    }

    /** Joins and publishes; throws with the SDK's error when that fails. */
    public void join(String key, Join join) {
        Map<?, ?> r = call("join", key, join.toMap());
        if (r.get("error") != null) {
            throw new IllegalStateException(key + " could not join: " + r.get("error"));
        }
    }

    /** As {@link #join(String, Join)}, with more of the harness's join options (e.g. {@code video}, {@code simulcast}). */
    public void join(String key, Join join, Map<String, Object> extra) {
        Map<String, Object> o = join.toMap();
        o.putAll(extra);
        Map<?, ?> r = call("join", key, o);
        if (r.get("error") != null) {
            throw new IllegalStateException(key + " could not join: " + r.get("error"));
        }
    }

    /** Calls any {@code window.harness} function that returns an object. */
    public Map<?, ?> invoke(String function, Object... args) {
        return call(function, args);
    }

    /** Publishes a camera track by hand; the map has {@code ok} or {@code error} and {@code code}. */
    public Map<?, ?> publishCamera(String key) {
        return call("publishCameraTrack", key);
    }

    /** A publish offer sent past the SDK's role check, for the server to judge; {@code ok} or {@code error, code}. */
    public Map<?, ?> rawPublishOffer(String key) {
        return call("rawPublishOffer", key);
    }

    /** Leaves the room; returns the page's Date.now() when leave was called. */
    public long leave(String key) {
        return ((Number) call("leave", key).get("leftAt")).longValue();
    }

    /** Drops the signalling socket without leave ({@code room.simulateSocketDrop()}); returns Date.now(). */
    public long dropSocket(String key) {
        return ((Number) call("drop", key).get("droppedAt")).longValue();
    }

    /** {@code state, participants, viewerCount, counters} of one room. */
    public Map<?, ?> state(String key) {
        return call("state", key);
    }

    /** Identities of the room's remote participants, as the SDK knows them. */
    public List<String> participants(String key) {
        List<String> out = new ArrayList<>();
        if (state(key).get("participants") instanceof List<?> list) {
            list.forEach(p -> out.add(String.valueOf(p)));
        }
        return out;
    }

    public List<Event> events(String key) {
        Object r = callRaw("events", key);
        List<Event> out = new ArrayList<>();
        if (r instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add(Event.of(m));
                }
            }
        }
        return out;
    }

    public RoomStats stats(String key) {
        return RoomStats.of(call("stats", key));
    }

    /** The room's <video> elements: identity, width, height, currentTime. */
    public List<Map<?, ?>> videos(String key) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (callRaw("videos", key) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private Map<?, ?> call(String function, Object... args) {
        Object r = callRaw(function, args);
        return r instanceof Map<?, ?> m ? m : Map.of();
    }

    private Object callRaw(String function, Object... args) {
        return browser.async(CALL, function, List.of(args));
    }

    /** One logged room event; absent fields are null. */
    public record Event(String type, long atMillis, String identity, String sid, String kind, String detail,
                        List<String> speakers) {
        static Event of(Map<?, ?> m) {
            List<String> speakers = new ArrayList<>();
            if (m.get("speakers") instanceof List<?> list) {
                list.forEach(s -> speakers.add(String.valueOf(s)));
            }
            return new Event(str(m, "type"), m.get("t") instanceof Number n ? n.longValue() : 0, str(m, "identity"),
                    str(m, "sid"), str(m, "kind"), str(m, "detail"), speakers);
        }

        private static String str(Map<?, ?> m, String key) {
            Object v = m.get(key);
            return v == null ? null : v.toString();
        }
    }
}
