package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Aria2Peer;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.RealPeer;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.TransmissionPeer;

/**
 * Message Stream Encryption against real clients, each set to refuse plaintext: libtorrent with
 * encryption forced both ways and RC4 only ({@code out_enc_policy}/{@code in_enc_policy} = forced,
 * {@code allowed_enc_level} = rc4), Transmission with {@code "encryption": 2}, aria2 with
 * {@code --bt-require-crypto=true --bt-min-crypto-level=arc4}. Shoal is set to {@code require}, so
 * neither end can fall back: a complete, byte-identical transfer proves the MSE handshake and RC4
 * both ways. Then the other policies: {@code prefer} dials a plaintext-only libtorrent seed again in
 * plaintext; {@code require} refuses a plaintext-only libtorrent leecher and logs why.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EncryptionIT {

    private static final Duration WITHIN = Duration.ofSeconds(120);
    /** Transmission waits ~10 s before the first unchoke, then goes at ~10 MiB/s here. */
    private static final Duration TRANSMISSION = Duration.ofSeconds(170);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_TEST, TestSwarm.Announce.HTTP);
    private static Path shoalData;

    @TempDir
    Path work;

    @BeforeAll
    static void copyForShoal() {
        shoalData = swarm.newDirectory("shoal-seed");
        SwarmData.copyTree(swarm.seedDir(), shoalData);
    }

    @Test
    void fromAForcedLibtorrentSeed() throws Exception {
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).forceEncryption().start()) {
            downloadFrom("a forced-RC4 libtorrent seed", seed, "require", WITHIN);
        }
    }

    @Test
    void fromATransmissionSeedRequiringEncryption() throws Exception {
        try (TransmissionPeer seed = TransmissionPeer.seed(swarm.torrent(), swarm.seedDir()).requireEncryption()
                .start()) {
            // It drops loopback peers from trackers: Shoal finds it in its first announce and dials it.
            swarm.awaitAnnounced("the Transmission seed", now -> now.complete() >= 1, Duration.ofSeconds(30),
                    TestSwarm.logs(seed));
            downloadFrom("a Transmission seed requiring encryption", seed, "require", TRANSMISSION);
        }
    }

    @Test
    void fromAnAria2SeedRequiringEncryption() throws Exception {
        try (Aria2Peer seed = Aria2Peer.seed(swarm.torrent(), swarm.seedDir()).requireEncryption().start()) {
            downloadFrom("an aria2 seed requiring RC4", seed, "require", WITHIN);
        }
    }

    /** The peer refuses encrypted handshakes: under prefer, Shoal's encrypted dial fails and it dials again in plaintext. */
    @Test
    void preferFallsBackToPlaintextWithAPlaintextOnlySeed() throws Exception {
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).disableEncryption().start()) {
            downloadFrom("a plaintext-only libtorrent seed", seed, "prefer", WITHIN);
        }
    }

    @Test
    void aForcedLibtorrentLeecherFromShoalRequiringEncryption() throws Exception {
        seedTo("forced-RC4 libtorrent", download -> LibtorrentPeer.leecher(swarm.torrent(), download).forceEncryption()
                .start(), WITHIN, SwarmData.Compare.EXACT);
    }

    @Test
    void aTransmissionLeecherRequiringEncryptionFromShoal() throws Exception {
        // Transmission 3.00 does not create the zero-length file.
        seedTo("Transmission", download -> TransmissionPeer.leecher(swarm.torrent(), download).requireEncryption()
                .start(), TRANSMISSION, SwarmData.Compare.EMPTY_FILES_MAY_BE_MISSING);
    }

    @Test
    void anAria2LeecherRequiringEncryptionFromShoal() throws Exception {
        seedTo("aria2", download -> Aria2Peer.leecher(swarm.torrent(), download).requireEncryption().start(), WITHIN,
                SwarmData.Compare.EXACT);
    }

    /** A plaintext-only leecher dials Shoal, which requires encryption: refused, with the reason logged. */
    @Test
    void requireRefusesAPlaintextOnlyLeecherAndSaysWhy() throws Exception {
        Path download = swarm.newDirectory("plaintext-leecher");
        int port = OpenTracker.freePort();
        try (LibtorrentPeer leecher = LibtorrentPeer.leecher(swarm.torrent(), download).disableEncryption().start();
                ShoalGet shoal = ShoalGet.get(swarm.torrentFile(), shoalData).base(work).port(port)
                        .seedRatio("1").encryption("require").logLevel("info").start()) {
            awaitListening(port, shoal, leecher);
            leecher.connect(port);
            shoal.awaitStderr("the refusal logged", err -> err.contains("plaintext handshake refused: encryption is "
                    + "required"), Duration.ofSeconds(60), TestSwarm.logs(leecher));
            assertEquals(0, leecher.status().downloaded(), "nothing reached the plaintext leecher");
        }
    }

    /**
     * Shoal listens on its {@code --port} once the torrent is checked (on a default port before): a
     * peer told to dial it earlier would be refused and back off.
     */
    private static void awaitListening(int port, ShoalGet shoal, RealPeer<?> peer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Shoal does not listen on port " + port + " within 60 s\n"
                            + shoal.describe() + TestSwarm.logs(peer).get());
                }
                Thread.sleep(200);
            }
        }
    }

    private void downloadFrom(String client, RealPeer<?> seed, String encryption, Duration within) throws Exception {
        ShoalGet.Options get = ShoalGet.get(swarm.torrentFile(), swarm.newDirectory("shoal-from-" + client));
        long started = System.nanoTime();
        try (ShoalGet shoal = get.base(work).port(OpenTracker.freePort()).seedRatio("0").encryption(encryption)
                .start()) {
            shoal.awaitSuccess(within, TestSwarm.logs(seed));
            System.out.printf("EncryptionIT: %s from %s (Shoal: %s) in %.1f s with JVM start; %s%n",
                    ShoalGet.mib(swarm.size()), client, encryption, (System.nanoTime() - started) / 1e9,
                    shoal.summary().orElse("(no summary line)"));
        }
        swarm.assertDownloaded(get.directory(), SwarmData.Compare.EXACT);
    }

    private void seedTo(String client, ShoalSeedsTo.Leecher start, Duration within, SwarmData.Compare how)
            throws Exception {
        ShoalSeedsTo.run("EncryptionIT", swarm, shoalData, work, client + " (requiring encryption)", start, within,
                how, "require");
    }
}
