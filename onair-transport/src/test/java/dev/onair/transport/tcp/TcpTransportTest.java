package dev.onair.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.Test;

class TcpTransportTest {
    @Test
    void usesNativeEpollOnLinuxX86AndItsChannelsFitItsGroups() {
        boolean linuxX86 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        assertThat(TcpTransport.epoll()).as("the native epoll library loads here").isEqualTo(linuxX86);
        MultiThreadIoEventLoopGroup group = TcpTransport.newGroup(1);
        MultiThreadIoEventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            if (linuxX86) {
                assertThat(TcpTransport.serverChannel()).isEqualTo(EpollServerSocketChannel.class);
                assertThat(TcpTransport.socketChannelFor(group)).isEqualTo(EpollSocketChannel.class);
                assertThat(TcpTransport.name()).isEqualTo("epoll");
            }
            assertThat(TcpTransport.socketChannelFor(nio)).as("a group made elsewhere with NIO")
                    .isEqualTo(NioSocketChannel.class);
        } finally {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            nio.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
