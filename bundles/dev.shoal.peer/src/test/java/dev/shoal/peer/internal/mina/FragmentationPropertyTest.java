package dev.shoal.peer.internal.mina;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.codec.Messages;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Reserved;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.mina.filter.codec.ProtocolDecoderException;

/** The cumulative decoder must give the same messages however TCP cuts the stream. */
class FragmentationPropertyTest {

    private static final Handshake HANDSHAKE = new Handshake(Reserved.NONE.withFastExtension(true),
            InfoHash.fromHex("aa".repeat(20)), PeerId.generate(new Random(1)));

    @Property(tries = 300)
    void anySplitGivesTheSameMessages(@ForAll("streams") List<PeerMessage> messages,
            @ForAll @Size(max = 40) List<Integer> cutPoints) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new HandshakeCodec().encode(HANDSHAKE));
        Frames frames = new Frames();
        messages.forEach(m -> stream.writeBytes(frames.encode(m)));
        List<Object> expected = new ArrayList<>();
        expected.add(HANDSHAKE);
        expected.addAll(messages);
        assertEquals(expected, ChunkedDecoding.decode(stream.toByteArray(), cutPoints));
    }

    @Property(tries = 300)
    void randomBytesAfterAHandshakeOnlyEverGiveAProtocolDecoderException(
            @ForAll @Size(max = 300) byte[] noise, @ForAll @Size(max = 10) List<Integer> cutPoints) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new HandshakeCodec().encode(HANDSHAKE));
        stream.writeBytes(noise);
        try {
            ChunkedDecoding.decode(stream.toByteArray(), cutPoints);
        } catch (ProtocolDecoderException expected) {
            // the clean refusal; anything else fails the property
        }
    }

    @Provide
    Arbitrary<List<PeerMessage>> streams() {
        return Messages.valid().list().ofMaxSize(12);
    }
}
