package dev.onair.transport.ice;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.transport.clock.ManualClock;
import java.net.InetSocketAddress;

/** Jazzer target: any datagram handed to the agent gives a reply, never an exception. */
class IceLiteAgentFuzzTest {
    private static final InetSocketAddress FROM = IceLiteAgentTest.PEER_V4;

    @FuzzTest
    void onBindingRequest(byte[] data) {
        IceLiteAgent agent = new IceLiteAgent(IceLiteAgentTest.SERVER, IceLiteAgentTest.PEER, new ManualClock());
        IceReply reply = agent.onBindingRequest(data, 0, data.length, FROM);
        assertThat(reply).isNotNull();
        assertThat(reply.accepted()).isEqualTo(agent.drops().total() == 0);
        if (reply.hasResponse()) {
            assertThat(new StunMessage().parse(reply.response(), 0, reply.response().length)).isTrue();
        }
        if (reply.accepted()) {
            assertThat(agent.isValidated(FROM)).isTrue();
        }
    }
}
