package io.il4j.core.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A file cut into blocks of whole lines (each block ends right after a line feed, the last at the end of the file),
 * each in its own array (one handed back by {@link #recycle}, or a fresh one) so a worker can parse it while the next
 * is read. A line longer than the block size gets a larger block. Not thread-safe.
 */
public final class CsvBlocks {

    /** Bytes {@code [0, length)} of {@code bytes}. */
    public record Block(byte[] bytes, int length) {
    }

    private final FileChannel channel;
    private final int blockBytes;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>(); // recycled blocks' bytes
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean eof;

    public CsvBlocks(FileChannel channel, int blockBytes) {
        this.channel = channel;
        this.blockBytes = blockBytes;
    }

    /**
     * Hands back the bytes of a block that nothing reads any more, for a later block to reuse (a file is read through a
     * few buffers instead of one fresh one per block).
     */
    public void recycle(Block block) {
        if (block.bytes().length == blockBytes) free.push(block.bytes());
    }

    /** The next block, or null at the end of the file. */
    public Block next() throws IOException {
        if (eof && carryLength == 0) return null;
        byte[] buf = 2 * carryLength <= blockBytes && !free.isEmpty() ? free.pop() : new byte[Math.max(blockBytes, 2 * carryLength)];
        System.arraycopy(carry, 0, buf, 0, carryLength);
        int filled = carryLength, scanned = carryLength;
        while (true) {
            while (!eof && filled < buf.length) {
                int n = channel.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
                if (n < 0) eof = true;
                else filled += n;
            }
            if (eof) {
                carryLength = 0;
                return filled == 0 ? null : new Block(buf, filled);
            }
            int last = filled - 1;
            while (last >= scanned && buf[last] != '\n') last--;
            if (last >= scanned) {
                carryLength = filled - last - 1;
                if (carry.length < carryLength) carry = new byte[Math.max(carryLength, blockBytes / 4)];
                System.arraycopy(buf, last + 1, carry, 0, carryLength);
                return new Block(buf, last + 1);
            }
            scanned = filled; // no line feed yet: one line is longer than the block
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
    }
}
