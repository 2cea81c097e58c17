package dev.shoal.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.Decoded;
import org.junit.jupiter.api.Test;

/** The benchmark input is what it claims to be: a valid, canonical, several-MiB multi-file torrent. */
class SyntheticTorrentTest {

    @Test
    void hundredThousandFilesMakeSeveralMebibytes() throws BencodeException {
        byte[] torrent = SyntheticTorrent.multiFile(100_000, 42);
        assertTrue(torrent.length > 4 << 20 && torrent.length < 32 << 20, () -> torrent.length + " bytes");

        Decoded decoded = new BencodeDecoder().decode(torrent);
        assertEquals(0, decoded.warnings().size());
        BDictionary info = (BDictionary) ((BDictionary) decoded.value()).get("info").orElseThrow();
        BList files = (BList) info.get("files").orElseThrow();
        assertEquals(100_000, files.size());

        long total = 0;
        for (BValue file : files.values()) {
            BDictionary f = (BDictionary) file;
            total += ((BInteger) f.get("length").orElseThrow()).value();
            int depth = ((BList) f.get("path").orElseThrow()).size();
            assertTrue(depth >= 1 && depth <= 3);
        }
        long pieceLength = ((BInteger) info.get("piece length").orElseThrow()).value();
        long pieces = (total + pieceLength - 1) / pieceLength;
        assertEquals(pieces * 20, ((BString) info.get("pieces").orElseThrow()).length());
    }

    @Test
    void isDeterministic() {
        assertArrayEquals(SyntheticTorrent.multiFile(500, 7), SyntheticTorrent.multiFile(500, 7));
    }
}
