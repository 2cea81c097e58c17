package dev.shoal.bench.jmh;

import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.Decoded;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decodes and encodes a synthetic multi-file torrent. The primary score is whole torrents per
 * second; the secondary {@code :megabytes} score is the same throughput in MB/s (10^6 bytes of
 * bencode per second).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BencodeBenchmark {

    @Param("100000")
    public int files;

    private final BencodeDecoder decoder = new BencodeDecoder();
    private byte[] torrent;
    private BValue decoded;
    private double megabytes;

    /** Counts bytes processed; JMH reports it per second, i.e. as MB/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws BencodeException {
        torrent = SyntheticTorrent.multiFile(files, 42);
        Decoded d = decoder.decode(torrent);
        decoded = d.value();
        if (!d.warnings().isEmpty() || !Arrays.equals(torrent, BencodeEncoder.encode(decoded))) {
            throw new IllegalStateException("synthetic torrent does not round-trip");
        }
        megabytes = torrent.length / 1e6;
        System.out.printf(Locale.ROOT, "%nInput: %,d files, %,d bytes (%.2f MiB)%n",
                files, torrent.length, torrent.length / (double) (1 << 20));
    }

    @Benchmark
    public Decoded decode(Throughput throughput) throws BencodeException {
        throughput.megabytes += megabytes;
        return decoder.decode(torrent);
    }

    @Benchmark
    public byte[] encode(Throughput throughput) {
        throughput.megabytes += megabytes;
        return BencodeEncoder.encode(decoded);
    }
}
