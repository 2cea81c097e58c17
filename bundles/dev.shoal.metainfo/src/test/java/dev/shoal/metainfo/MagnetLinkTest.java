package dev.shoal.metainfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.MagnetLink.PeerAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagnetLinkTest {

    static final String HEX = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";
    static final String V2_HEX = "a7ee8d1cc7e3c9c2f9b3b1f4a7e0f6f3d9c2b1a0f9e8d7c6b5a4938271605f4e";

    @Test
    void hexInfoHash() throws Exception {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX);
        assertEquals(HEX, link.infoHashV1().orElseThrow().hex());
        assertTrue(link.infoHashV2().isEmpty());
        assertEquals(Optional.empty(), link.displayName());
    }

    @Test
    void upperCaseHexAndScheme() throws Exception {
        MagnetLink link = MagnetLink.parse("MAGNET:?XT=URN:BTIH:" + HEX.toUpperCase());
        assertEquals(HEX, link.infoHash().hex());
    }

    @Test
    void base32InfoHash() throws Exception {
        InfoHash hash = InfoHash.fromHex(HEX);
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + hash.base32());
        assertEquals(hash, link.infoHash());
        MagnetLink lower = MagnetLink.parse("magnet:?xt=urn:btih:" + hash.base32().toLowerCase());
        assertEquals(hash, lower.infoHash());
    }

    @Test
    void v2Multihash() throws Exception {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btmh:1220" + V2_HEX + "&dn=x");
        assertEquals(V2_HEX, link.infoHashV2().orElseThrow().hex());
        assertTrue(link.infoHashV1().isEmpty());
        assertEquals(link.infoHashV2().get(), link.infoHash());
    }

    @Test
    void hybridHasBoth() throws Exception {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&xt=urn:btmh:1220" + V2_HEX);
        assertTrue(link.infoHashV1().isPresent());
        assertTrue(link.infoHashV2().isPresent());
        assertTrue(link.toString().contains("xt=urn:btih:" + HEX + "&xt=urn:btmh:1220" + V2_HEX));
    }

    @Test
    void allParameters() throws Exception {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX
                + "&dn=Big+Buck%20Bunny%E2%84%A2"
                + "&tr=udp%3A%2F%2Ftracker.one%3A1337&tr=http://two/announce&tr.1=udp%3A%2F%2Ftracker.one%3A1337"
                + "&ws=https%3A%2F%2Fseed.example%2Ffiles%2F"
                + "&x.pe=10.0.0.1:6881&x.pe=%5B2001:db8::1%5D:51413&x.pe=peer.example:1"
                + "&so=0,2,4-6"
                + "&unknown=whatever&kt=ignored&novalue&=empty");
        assertEquals(Optional.of("Big Buck Bunny\u2122"), link.displayName());
        assertEquals(List.of("udp://tracker.one:1337", "http://two/announce"), link.trackers());
        assertEquals(List.of("https://seed.example/files/"), link.webSeeds());
        assertEquals(List.of(new PeerAddress("10.0.0.1", 6881), new PeerAddress("2001:db8::1", 51413),
                new PeerAddress("peer.example", 1)), link.peers());
        assertEquals(new TreeSet<>(Set.of(0, 2, 4, 5, 6)), link.selectOnly());
        assertEquals(link, MagnetLink.parse(link.toString()));
        assertEquals(link, MagnetLink.parse(link.toUri().toString()));
    }

    @Test
    void formatting() throws Exception {
        MagnetLink link = new MagnetLink(Optional.of(InfoHash.fromHex(HEX)), Optional.empty(), Optional.of("a b&c"),
                List.of("udp://t:80"), List.of(), List.of(new PeerAddress("::1", 6881)), new TreeSet<>(Set.of(1, 2, 3, 7)));
        assertEquals("magnet:?xt=urn:btih:" + HEX + "&dn=a%20b%26c&tr=udp%3A%2F%2Ft%3A80&x.pe=%5B%3A%3A1%5D%3A6881"
                + "&so=1-3,7", link.toString());
        assertEquals(link, MagnetLink.parse(link.toString()));
    }

    @Test
    void ofHash() throws Exception {
        MagnetLink link = MagnetLink.of(InfoHash.fromHex(V2_HEX));
        assertEquals("magnet:?xt=urn:btmh:1220" + V2_HEX, link.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://example.com/                              | not a magnet link: it must start with \"magnet:?\"",
        "magnet:                                          | not a magnet link",
        "magnet:xt=urn:btih:x                             | not a magnet link",
        "magnet:?dn=foo                                   | magnet link has no xt=urn:btih or urn:btmh",
        "magnet:?xt=urn:sha1:abc                          | magnet link has no xt=urn:btih or urn:btmh",
        "magnet:?xt=urn:btih:abc                          | bad info-hash in xt: not a 40 or 64 digit hex info-hash",
        "magnet:?xt=urn:btih:zz2fe1c06bba254a9dc9f519b335aa7c1367a88a | bad info-hash in xt",
        "magnet:?xt=urn:btih:0000000000000000000000000000000000000000000000000000000000000000 | urn:btih takes a 20-byte",
        "magnet:?xt=urn:btih:11111111111111111111111111111111 | bad info-hash in xt: not a base32 info-hash",
        "magnet:?xt=urn:btmh:1220abc                      | bad info-hash in xt: not a SHA-256 multihash",
        "magnet:?xt=urn:btmh:1114" + "0000000000000000000000000000000000000000 | bad info-hash in xt",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&xt=urn:btih:d12fe1c06bba254a9dc9f519b335aa7c1367a88a | two different v1 info-hashes",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=%zz | bad percent-encoding in dn",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=%ff | bad percent-encoding in dn",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=1.2.3.4 | bad peer address in x.pe: \"1.2.3.4\" has no port",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=1.2.3.4:0 | outside 1..65535",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=1.2.3.4:65536 | outside 1..65535",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=1.2.3.4:http | has no valid port",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=::1:6881 | IPv6 address without brackets",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=[::1]6881 | [address]:port",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=[host]:6881 | not IPv6",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=a%20b:1 | bad peer address in x.pe",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=1,,2 | bad file selection in so: empty entry",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=5-2 | runs backwards",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=a | is not a file index",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=-3 | is not a file index",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=0-99999999 | above the limit",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=0-1000000 | selects more than 1000000 files",
    })
    void badLinks(String link, String expected) {
        InvalidMagnetException e = assertThrows(InvalidMagnetException.class, () -> MagnetLink.parse(link));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void selectionUpToTheBoundIsAccepted() throws Exception {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&so=0-999999");
        assertEquals(1_000_000, link.selectOnly().size());
        assertEquals(999_999, link.selectOnly().last());
        assertTrue(link.toString().endsWith("&so=0-999999"));
    }

    @Test
    void overlongLinkIsRefused() {
        String link = "magnet:?xt=urn:btih:" + HEX + "&tr=" + "x".repeat(300_000);
        InvalidMagnetException e = assertThrows(InvalidMagnetException.class, () -> MagnetLink.parse(link));
        assertTrue(e.getMessage().startsWith("magnet link is longer than"));
    }

    @Property
    void roundTrip(@ForAll("links") MagnetLink link) throws Exception {
        assertEquals(link, MagnetLink.parse(link.toUri().toString()));
    }

    @Provide
    Arbitrary<MagnetLink> links() {
        Arbitrary<Optional<InfoHash>> v1 = Arbitraries.bytes().array(byte[].class).ofSize(20)
                .map(b -> Optional.of(InfoHash.v1(b)));
        Arbitrary<Optional<InfoHash>> v2 = Arbitraries.bytes().array(byte[].class).ofSize(32)
                .map(b -> Optional.of(InfoHash.v2(b))).injectNull(0.5).map(o -> o == null ? Optional.empty() : o);
        Arbitrary<Optional<String>> name = Arbitraries.strings().ofMinLength(1).ofMaxLength(20)
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                .injectNull(0.3).map(Optional::ofNullable);
        Arbitrary<List<String>> urls = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)
                .map(s -> "http://" + s + "/a?b=c&d=e").list().uniqueElements().ofMaxSize(3);
        Arbitrary<List<PeerAddress>> peers = Combinators.combine(
                Arbitraries.of("10.0.0.1", "::1", "2001:db8::7", "peer.example"), Arbitraries.integers().between(1, 65535))
                .as(PeerAddress::new).list().uniqueElements().ofMaxSize(3);
        Arbitrary<TreeSet<Integer>> so = Arbitraries.integers().between(0, 5000).set().ofMaxSize(20).map(TreeSet::new);
        return Combinators.combine(v1, v2, name, urls, urls, peers, so).as(MagnetLink::new);
    }
}
