package dev.onair.transport.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A reusable {@link ByteArrayBuffer} view over the caller's {@code byte[]}, re-pointed per packet with
 * {@link #wrap}, so handing a packet to jitsi-srtp allocates nothing. It never reallocates: {@link #grow} only
 * checks that the caller left the spare bytes {@link SrtpSession#MAX_OVERHEAD} promises (checked before each call).
 */
final class JitsiPacketBuffer implements ByteArrayBuffer {
    private byte[] buffer;
    private int offset;
    private int length;

    JitsiPacketBuffer wrap(byte[] buf, int off, int len) {
        this.buffer = buf;
        this.offset = off;
        this.length = len;
        return this;
    }

    /** Drops the reference to the caller's array once jitsi is done with it. */
    void clear() {
        this.buffer = null;
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        this.length = len;
    }

    @Override
    public void setOffset(int off) {
        this.offset = off;
    }

    @Override
    public boolean isInvalid() {
        return buffer == null;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuf) {
        System.arraycopy(buffer, offset + off, outBuf, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if ((long) offset + length + howMuch > buffer.length) {
            throw new IllegalStateException("no spare room: SrtpSession checks MAX_OVERHEAD before calling jitsi");
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
