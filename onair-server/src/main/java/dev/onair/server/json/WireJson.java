package dev.onair.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.RoomKind;
import dev.onair.sfu.api.TrackSource;
import java.io.IOException;
import java.util.function.Function;

/**
 * A Jackson mapper that writes {@link RoomKind}, {@link ParticipantRole} and {@link TrackSource} as their wire
 * names ({@code broadcast}, {@code viewer}, {@code screen}) and leaves out null fields. The SFU core stays free
 * of Jackson; the server decides how its types look on the wire, here, once.
 */
public final class WireJson {
    private WireJson() {
    }

    public static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("onair-wire");
        m.addSerializer(RoomKind.class, wire(RoomKind.class, RoomKind::wireName));
        m.addSerializer(ParticipantRole.class, wire(ParticipantRole.class, ParticipantRole::wireName));
        m.addSerializer(TrackSource.class, wire(TrackSource.class, TrackSource::wireName));
        return new ObjectMapper().registerModule(m).setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    private static <E> JsonSerializer<E> wire(Class<E> type, Function<E, String> name) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(name.apply(value));
            }

            @Override
            public Class<E> handledType() {
                return type;
            }
        };
    }
}
