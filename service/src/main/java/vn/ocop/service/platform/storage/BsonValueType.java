package vn.ocop.service.platform.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of a collection's documents in the H2 file: BSON (mongo-java-server's own wire codec) instead of H2's
 * default, Java serialization. Every commit writes each changed page again, with every document on it; serializing them
 * with Java serialization was the embedded store's largest CPU cost (docs/benchmarks.md, target 3), and its output is
 * larger (class descriptors with every document). A BSON value is tagged with a byte H2's ObjectDataType never writes;
 * anything else (older files: Java-serialized documents; a value BSON cannot encode) is read and written by
 * ObjectDataType as before, so existing files open as they are. A file written with this type cannot be opened by a
 * build without it.
 */
final class BsonValueType extends BasicDataType<Object> {
    /** Not one of ObjectDataType's tags (0-19, 32-49, 64-119). */
    static final byte BSON = 30;

    /** A scratch buffer grown past this (a very large document) is not kept for the next one. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(64 * 1024));

    private final ObjectDataType fallback = new ObjectDataType();
    /** Running average of the encoded size, the memory estimate that sizes pages and the page cache (as H2 does). */
    private volatile int averageSize = 1024;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize : fallback.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        ByteBuf bson = value instanceof Document d ? encode(d) : null;
        if (bson == null) {
            fallback.write(buff, value);
            return;
        }
        int length = bson.readableBytes();
        buff.put(BSON).putVarInt(length).put(bson.nioBuffer());
        averageSize = (int) ((length + 15L * averageSize) / 16);
        if (bson.capacity() > MAX_KEPT_BUFFER) SCRATCH.remove();
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) return fallback.read(buff);
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuffer bson = buff.slice(buff.position(), length);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int compare(Object a, Object b) {
        return fallback.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /**
     * The document as BSON in this thread's scratch buffer (valid until the next call), or null when the codec cannot
     * encode one of its values (then kept as ObjectDataType does). A commit encodes every document of each page it
     * writes, on H2's serialisation thread: one buffer, reused, instead of one grown from 1 kB per document.
     */
    private static ByteBuf encode(Document d) {
        ByteBuf buf = SCRATCH.get().clear();
        try {
            BsonEncoder.encodeDocument(d, buf);
            return buf;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
