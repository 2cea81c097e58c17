package dev.shoal.ui.swt.internal.adding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.ui.swt.internal.adding.FileChoice.Node;
import dev.shoal.ui.swt.internal.adding.FileChoice.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The add dialog's file tree over real torrents: one made from files, one with BEP 47 pad files. */
class FileChoiceTest {

    private static final int PIECE = 16384;

    @TempDir
    Path dir;

    @Test
    void foldersHoldTheirFilesWithSizesFoldersFirst() throws Exception {
        Path album = Files.createDirectories(dir.resolve("album"));
        Files.write(Files.createDirectories(album.resolve("b-disc")).resolve("01.flac"), new byte[300]);
        Files.write(album.resolve("b-disc").resolve("02.flac"), new byte[200]);
        Files.write(album.resolve("A-cover.jpg"), new byte[50]);
        Files.write(Files.createDirectories(album.resolve("extras")).resolve("notes.txt"), new byte[7]);
        Metainfo torrent = new StandaloneTorrentCreator(1).create(CreateRequest.builder(album).build()).metainfo();

        FileChoice choice = FileChoice.of(torrent);
        Node root = choice.roots().get(0);
        assertEquals("album", root.name());
        assertEquals(557, root.size());
        assertEquals(List.of("b-disc", "extras", "A-cover.jpg"), root.children().stream().map(Node::name).toList());
        Node disc = root.children().get(0);
        assertEquals(500, disc.size());
        assertEquals(List.of("01.flac", "02.flac"), disc.children().stream().map(Node::name).toList());
        // The creator orders by path bytes: A-cover.jpg, b-disc/01, b-disc/02, extras/notes.txt.
        assertEquals(List.of(1, 2), disc.children().stream().map(Node::index).toList());
        assertEquals("selected 4 of 4 files, 557 B of 557 B", choice.summary());
    }

    @Test
    void aFolderChecksItsFilesAndIsMixedWhenTheyDiffer() throws Exception {
        Path album = Files.createDirectories(dir.resolve("album"));
        Files.write(Files.createDirectories(album.resolve("disc")).resolve("01.flac"), new byte[300]);
        Files.write(album.resolve("disc").resolve("02.flac"), new byte[200]);
        Files.write(album.resolve("cover.jpg"), new byte[50]);
        FileChoice choice = FileChoice.of(new StandaloneTorrentCreator(1).create(CreateRequest.builder(album).build())
                .metainfo());
        Node root = choice.roots().get(0);
        Node disc = root.children().get(0);

        choice.set(disc.children().get(1), false);
        assertEquals(State.MIXED, choice.state(disc));
        assertEquals(State.MIXED, choice.state(root));
        assertEquals(List.of(2), choice.skipped());
        choice.set(disc, false);
        assertEquals(State.UNCHECKED, choice.state(disc));
        assertEquals(List.of(1, 2), choice.skipped());
        assertEquals("selected 1 of 3 files, 50 B of 550 B", choice.summary());
        choice.set(root, true);
        assertEquals(State.CHECKED, choice.state(root));
        assertEquals(List.of(), choice.skipped());
        choice.setAll(false);
        assertEquals(List.of(0, 1, 2), choice.skipped());
        assertEquals(0, choice.selectedBytes());
    }

    @Test
    void padFilesAreNotNumberedAsTheEngineDoesNot() throws Exception {
        // a (100 B), pad, b (16384 B), pad, c (10 B): the engine numbers a=0, b=1, c=2.
        Metainfo torrent = Metainfo.parse(torrent(List.of(
                file("a", 100, false), file(".pad/16284", PIECE - 100, true),
                file("b", PIECE, false), file(".pad/16374", PIECE - 10, true), file("c", 10, false))));
        assertEquals(5, torrent.files().size());

        FileChoice choice = FileChoice.of(torrent);
        Node root = choice.roots().get(0);
        assertEquals(List.of("a", "b", "c"), root.children().stream().map(Node::name).toList());
        assertEquals(List.of(0, 1, 2), root.children().stream().map(Node::index).toList());
        assertEquals(PIECE + 110, root.size());
        choice.set(root.children().get(2), false);
        assertEquals(List.of(2), choice.skipped());
    }

    @Test
    void aSingleFileTorrentIsOneCheckedFile() throws Exception {
        Files.write(dir.resolve("one.iso"), new byte[1000]);
        FileChoice choice = FileChoice.of(new StandaloneTorrentCreator(1)
                .create(CreateRequest.builder(dir.resolve("one.iso")).build()).metainfo());
        Node only = choice.roots().get(0);
        assertEquals("one.iso", only.name());
        assertEquals(0, only.index());
        assertEquals(State.CHECKED, choice.state(only));
        assertEquals("selected 1 of 1 file, 1000 B of 1000 B", choice.summary());
    }

    private record Spec(String path, long length, boolean pad) {
    }

    private static Spec file(String path, long length, boolean pad) {
        return new Spec(path, length, pad);
    }

    /** A multi-file v1 torrent named "padded" with these files and zero piece hashes. */
    private static byte[] torrent(List<Spec> files) {
        List<BValue> list = new ArrayList<>();
        long total = 0;
        for (Spec f : files) {
            BDictionary.Builder entry = BDictionary.builder().put("length", f.length())
                    .put("path", BList.of(Arrays.stream(f.path().split("/")).map(BString::of).toList()));
            if (f.pad()) {
                entry.put("attr", "p");
            }
            list.add(entry.build());
            total += f.length();
        }
        int pieces = (int) ((total + PIECE - 1) / PIECE);
        BDictionary info = BDictionary.builder().put("name", "padded").put("piece length", PIECE)
                .put("files", BList.of(list)).put("pieces", BString.of(new byte[20 * pieces])).build();
        return BencodeEncoder.encode(BDictionary.builder().put("info", info).build());
    }
}
