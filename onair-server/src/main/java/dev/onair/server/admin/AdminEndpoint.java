package dev.onair.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.TokenService;
import dev.onair.server.http.ApiError;
import dev.onair.server.http.Responses;
import dev.onair.server.json.WireJson;
import dev.onair.server.report.SessionScoring;
import dev.onair.sfu.api.ImpairmentPeriod;
import dev.onair.sfu.api.ImpairmentStatus;
import dev.onair.sfu.api.SessionReport;
import dev.onair.server.lab.ImpairmentLabel;
import dev.onair.server.lab.ImpairmentRequest;
import dev.onair.server.lab.RecordingDump;
import dev.onair.sfu.api.CommandResult;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.ResourceRef;
import dev.onair.sfu.api.RoomInfo;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin operations behind {@link AdminRoutes}. Each checks the token first (401/403, {@code admin} for the
 * room, {@code *} to list rooms), then the body (400), then asks the media service and answers JSON written by
 * {@link WireJson}, or a one-line error through {@link ApiError}.
 */
public final class AdminEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);
    /** The reason each participant of a closed room leaves with (participant_left). */
    public static final String CLOSE_REASON = "room closed by an administrator";
    /** Where a created room can be read back; the room name follows. */
    static final String ROOMS_PATH = "/api/v1/rooms/";
    private static final ObjectMapper JSON = WireJson.mapper();

    private final MediaService media;
    private final AdminAuth auth;
    private final LongSupplier impairmentSeeds;

    public AdminEndpoint(MediaService media, TokenService tokens) {
        this(media, tokens, new SecureRandom()::nextLong);
    }

    /** @param impairmentSeeds draws the seed of an impairment request that names none (it is reported back) */
    public AdminEndpoint(MediaService media, TokenService tokens, LongSupplier impairmentSeeds) {
        this.media = media;
        this.auth = new AdminAuth(tokens);
        this.impairmentSeeds = impairmentSeeds;
    }

    /** GET /api/v1/rooms: {@code {"rooms": [RoomInfo...]}}; needs admin for {@code *}. */
    public CompletableFuture<FullHttpResponse> listRooms(FullHttpRequest request) {
        return authorised(request, AdminAuth.ALL_ROOMS, () -> answer(media.rooms(), rooms -> json(Map.of("rooms", rooms))));
    }

    /**
     * POST /api/v1/rooms: 201 with the new RoomInfo (and a Location), or 200 with the room as it is when it
     * already exists (its kind unchanged, like LiveKit's CreateRoom); 400 for a bad body.
     */
    public CompletableFuture<FullHttpResponse> createRoom(FullHttpRequest request) {
        AuthResult result = auth.check(request, null);
        if (result instanceof AuthResult.Denied denied) {
            return done(Responses.error(ApiError.of(denied.error(), denied.reason())));
        }
        CreateRoomRequest.Parsed parsed = CreateRoomRequest.parse(ByteBufUtil.getBytes(request.content()));
        if (parsed.error() != null) {
            return done(Responses.error(ApiError.badRequest(parsed.error().reason())));
        }
        CreateRoomRequest create = parsed.request();
        if (!((AuthResult.Granted) result).grant().coversRoom(create.name())) {
            return done(Responses.error(new ApiError(ApiError.Code.FORBIDDEN, "token is not valid for this room")));
        }
        return media.room(create.name()).thenCompose(existing -> existing != null
                ? done(json(HttpResponseStatus.OK, existing))
                : answer(media.createRoom(create.name(), create.kind()), AdminEndpoint::created))
                .exceptionally(AdminEndpoint::internal);
    }

    /** GET /api/v1/rooms/{room}: the RoomInfo, or 404. */
    public CompletableFuture<FullHttpResponse> room(String room, FullHttpRequest request) {
        return authorised(request, room, () -> answer(media.room(room), info ->
                info == null ? noSuchRoom() : json(info)));
    }

    /** DELETE /api/v1/rooms/{room}: closes every session; {@code {"closed": true}} or 404. */
    public CompletableFuture<FullHttpResponse> closeRoom(String room, FullHttpRequest request) {
        return authorised(request, room, () -> answer(media.closeRoom(room, CLOSE_REASON), closed ->
                Boolean.TRUE.equals(closed) ? json(Map.of("closed", true)) : noSuchRoom()));
    }

    /** GET /api/v1/rooms/{room}/participants: {@code {"participants": [ParticipantInfo...]}} or 404. */
    public CompletableFuture<FullHttpResponse> participants(String room, FullHttpRequest request) {
        return authorised(request, room, () -> answer(media.participants(room), list ->
                list == null ? noSuchRoom() : json(Map.of("participants", list))));
    }

    /** DELETE /api/v1/rooms/{room}/participants/{identity}: {@code {"removedSessions": n}}, 404 when n is 0. */
    public CompletableFuture<FullHttpResponse> removeParticipant(String room, String identity,
                                                                 FullHttpRequest request) {
        return authorised(request, room, () -> answer(media.removeParticipant(room, identity), n ->
                n == null || n == 0 ? Responses.error(ApiError.notFound("no such participant in this room"))
                        : json(Map.of("removedSessions", n))));
    }

    /**
     * POST .../participants/{identity}/tracks/{sid}/mute {@code {"muted": bool}}: the administrator's mute.
     * 200 {@code {"muted": effective}} (a track its publisher muted stays muted when an administrator unmutes
     * it), 400 for a bad body, 404 with the reason when no such track is published by that identity.
     */
    public CompletableFuture<FullHttpResponse> muteTrack(String room, String identity, String sid,
                                                         FullHttpRequest request) {
        return authorised(request, room, () -> {
            MuteRequest.Parsed parsed = MuteRequest.parse(ByteBufUtil.getBytes(request.content()));
            if (parsed.error() != null) {
                return done(Responses.error(ApiError.badRequest(parsed.error())));
            }
            boolean muted = parsed.request().muted();
            return command(media.setMuted(room, identity, sid, muted, true), () -> answer(media.participants(room),
                    list -> json(Map.of("muted", mutedNow(list, identity, sid, muted)))));
        });
    }

    /**
     * PATCH .../participants/{identity} {@code {"name"?, "metadata"?}}: 200 with the updated ParticipantInfo,
     * 400 for a bad body (metadata over 1 KiB included), 404 when no such participant.
     */
    public CompletableFuture<FullHttpResponse> updateParticipant(String room, String identity,
                                                                 FullHttpRequest request) {
        return authorised(request, room, () -> {
            ParticipantUpdate.Parsed parsed = ParticipantUpdate.parse(ByteBufUtil.getBytes(request.content()));
            if (parsed.error() != null) {
                return done(Responses.error(ApiError.badRequest(parsed.error())));
            }
            ParticipantUpdate u = parsed.update();
            return command(media.updateParticipant(room, identity, u.name(), u.metadata()),
                    () -> answer(media.participants(room), list -> {
                        ParticipantInfo p = find(list, identity);
                        return p == null ? Responses.error(ApiError.notFound("no such participant in this room"))
                                : json(p);
                    }));
        });
    }

    /**
     * GET /api/v1/sessions/{resourceId}/report: the session's telemetry with quality scores
     * ({@link SessionScoring}); needs admin for the session's room; 404 for an unknown (or just closed) session.
     */
    public CompletableFuture<FullHttpResponse> sessionReport(String resourceId, FullHttpRequest request) {
        AuthResult result = auth.check(request, null);
        if (result instanceof AuthResult.Denied denied) {
            return done(Responses.error(ApiError.of(denied.error(), denied.reason())));
        }
        ResourceRef ref = media.resourceOf(resourceId);
        if (ref == null) {
            return done(noSuchSession());
        }
        if (!((AuthResult.Granted) result).grant().coversRoom(ref.room())) {
            return done(Responses.error(new ApiError(ApiError.Code.FORBIDDEN, "token is not valid for this room")));
        }
        CompletableFuture<Object[]> reportAndLab = media.report(resourceId).thenCompose(report -> report == null
                ? CompletableFuture.completedFuture(new Object[] {null, null})
                : media.impairment(report.room(), report.identity()).thenApply(lab -> new Object[] {report, lab}));
        return answer(reportAndLab, pair -> {
            if (pair[0] == null) {
                return noSuchSession();
            }
            ImpairmentStatus lab = (ImpairmentStatus) pair[1];
            return json(SessionScoring.withDefaults().score((SessionReport) pair[0])
                    .withImpairment(lab == null || lab.setting() == null ? null : impairmentBody(lab))
                    .withImpairmentPeriods(lab == null ? List.of() : periodsBody(lab)));
        });
    }

    private static FullHttpResponse noSuchSession() {
        return Responses.error(ApiError.notFound("no such session"));
    }

    /**
     * PUT .../participants/{identity}/impairment (see {@link ImpairmentRequest}): 200
     * {@code {direction, preset|scenario, seed}}, 400 for a bad body, an unknown preset or a bad scenario (the
     * parser's one-line reason), 404 when no such participant.
     */
    public CompletableFuture<FullHttpResponse> setImpairment(String room, String identity, FullHttpRequest request) {
        return authorised(request, room, () -> {
            ImpairmentRequest.Parsed parsed = ImpairmentRequest.parse(ByteBufUtil.getBytes(request.content()),
                    impairmentSeeds);
            if (parsed.error() != null) {
                return done(Responses.error(ApiError.badRequest(parsed.error())));
            }
            ImpairmentRequest req = parsed.request();
            return command(media.setImpairment(room, identity, req.setting()), () -> done(json(req.label())));
        });
    }

    /**
     * GET .../participants/{identity}/impairment: {@code {"enabled": false}} or the setting with the counters of
     * each impaired direction ({@code up}/{@code down}: datagrams, drops by reason, delayed, duplicates); 404.
     */
    public CompletableFuture<FullHttpResponse> impairment(String room, String identity, FullHttpRequest request) {
        return authorised(request, room, () -> answer(media.impairment(room, identity), status -> {
            if (status == null) {
                return Responses.error(ApiError.notFound("no such participant in this room"));
            }
            return json(impairmentBody(status));
        }));
    }

    /** The setting (direction, preset or scenario, seed) and the counters of each impaired direction. */
    private static Map<String, Object> impairmentBody(ImpairmentStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", status.setting() != null);
        if (status.setting() != null && status.setting().label() instanceof ImpairmentLabel l) {
            putLabel(body, l);
        }
        if (status.up() != null) {
            body.put("up", status.up());
        }
        if (status.down() != null) {
            body.put("down", status.down());
        }
        return body;
    }

    /** A setting's label: direction, preset or scenario, seed. */
    private static void putLabel(Map<String, Object> body, ImpairmentLabel l) {
        body.put("direction", l.direction());
        if (l.preset() != null) {
            body.put("preset", l.preset());
        }
        if (l.scenario() != null) {
            body.put("scenario", l.scenario());
        }
        body.put("seed", l.seed());
    }

    /** The periods during which a setting held: from, until (null while it holds) and its label. */
    private static List<Map<String, Object>> periodsBody(ImpairmentStatus status) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImpairmentPeriod p : status.periods()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fromMillis", p.fromMillis());
            body.put("untilMillis", p.untilMillis());
            if (p.setting().label() instanceof ImpairmentLabel l) {
                putLabel(body, l);
            }
            out.add(body);
        }
        return out;
    }

    /** DELETE .../participants/{identity}/impairment: {@code {"enabled": false}}, 404 when no such participant. */
    public CompletableFuture<FullHttpResponse> clearImpairment(String room, String identity,
                                                               FullHttpRequest request) {
        return authorised(request, room, () -> command(media.clearImpairment(room, identity),
                () -> done(json(Map.of("enabled", false)))));
    }

    /**
     * GET .../participants/{identity}/recording?format=jsonl|pcap: the participant's flight recorder (last minute)
     * as JSON lines (default) or a pcap of RTP headers, with a Content-Disposition file name; 400 for another
     * format, 404 when no such participant.
     */
    public CompletableFuture<FullHttpResponse> recording(String room, String identity, FullHttpRequest request) {
        return authorised(request, room, () -> {
            List<String> formats = new QueryStringDecoder(request.uri()).parameters().get("format");
            String name = formats == null || formats.isEmpty() ? null : formats.get(formats.size() - 1);
            RecordingDump format = RecordingDump.of(name);
            if (format == null) {
                return done(Responses.error(ApiError.badRequest("format must be jsonl or pcap")));
            }
            return answer(media.recording(room, identity), rec -> {
                if (rec == null) {
                    return Responses.error(ApiError.notFound("no such participant in this room"));
                }
                FullHttpResponse res = Responses.body(HttpResponseStatus.OK, format.contentType(), format.write(rec));
                res.headers().set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\""
                        + format.fileName(room, identity, rec.takenAtWallMillis()) + "\"");
                return res;
            });
        });
    }

    /** The track's mute state as listed now; {@code requested} if it is no longer listed. */
    private static boolean mutedNow(List<ParticipantInfo> list, String identity, String sid, boolean requested) {
        ParticipantInfo p = find(list, identity);
        if (p != null) {
            for (ParticipantInfo.Track t : p.tracks()) {
                if (t.sid().equals(sid)) {
                    return t.muted();
                }
            }
        }
        return requested;
    }

    private static ParticipantInfo find(List<ParticipantInfo> list, String identity) {
        if (list != null) {
            for (ParticipantInfo p : list) {
                if (p.identity().equals(identity)) {
                    return p;
                }
            }
        }
        return null;
    }

    private CompletableFuture<FullHttpResponse> authorised(FullHttpRequest request, String room,
                                                           Supplier<CompletableFuture<FullHttpResponse>> then) {
        AuthResult result = auth.check(request, room);
        if (result instanceof AuthResult.Denied denied) {
            return done(Responses.error(ApiError.of(denied.error(), denied.reason())));
        }
        return then.get();
    }

    /** Runs {@code then} after a successful command; a failed one answers its error and reason. */
    private static CompletableFuture<FullHttpResponse> command(CompletableFuture<CommandResult> future,
                                                               Supplier<CompletableFuture<FullHttpResponse>> then) {
        return future.thenCompose(r -> r == null ? done(internal(null))
                : r.isOk() ? then.get() : done(Responses.error(ApiError.of(r.error(), r.reason()))))
                .exceptionally(AdminEndpoint::internal);
    }

    private static <T> CompletableFuture<FullHttpResponse> answer(CompletableFuture<T> future,
                                                                  Function<T, FullHttpResponse> ok) {
        return future.handle((value, failure) -> failure != null ? internal(failure) : ok.apply(value));
    }

    private static FullHttpResponse internal(Throwable failure) {
        LOG.warn("admin request failed in the media service: {}", failure == null ? "no answer" : failure.toString());
        return Responses.error(new ApiError(ApiError.Code.INTERNAL, "internal error"));
    }

    private static FullHttpResponse created(RoomInfo room) {
        if (room == null) {
            return internal(null);
        }
        FullHttpResponse r = json(HttpResponseStatus.CREATED, room);
        r.headers().set(HttpHeaderNames.LOCATION, ROOMS_PATH + room.name());
        return r;
    }

    private static FullHttpResponse noSuchRoom() {
        return Responses.error(ApiError.notFound("no such room"));
    }

    private static FullHttpResponse json(Object value) {
        return json(HttpResponseStatus.OK, value);
    }

    private static FullHttpResponse json(HttpResponseStatus status, Object value) {
        try {
            return Responses.body(status, Responses.APPLICATION_JSON, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            return Responses.error(new ApiError(ApiError.Code.INTERNAL, "cannot encode the answer"));
        }
    }

    private static CompletableFuture<FullHttpResponse> done(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
