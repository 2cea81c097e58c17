package dev.shoal.test.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A home router made of real parts: a network namespace holding Debian's miniupnpd (UPnP IGD v2,
 * NAT-PMP and PCP on its nftables backend) with a LAN side joined to this host by a veth pair and
 * a WAN side whose address (11.22.33.44) is the "external" one. The host side's interface gets a
 * default route through the router at a high metric: the host's own default route still wins, but
 * the interface has a default gateway, as a real LAN interface does, for the code under test to find.
 * Needs root (CAP_NET_ADMIN), {@code ip}, {@code nft} and {@code miniupnpd}.
 */
public final class RouterNamespace implements AutoCloseable {

    public static final String EXTERNAL = "11.22.33.44";

    public final String hostInterface;
    public final String hostAddress;
    public final String routerAddress;
    private final String namespace;
    private final Process daemon;
    private final Path log;

    private RouterNamespace(int n, Path dir) throws IOException, InterruptedException {
        this.namespace = "shoalpm" + n;
        this.hostInterface = "pmh" + n;
        this.hostAddress = "10.79." + n + ".2";
        this.routerAddress = "10.79." + n + ".1";
        this.log = dir.resolve("miniupnpd.log");
        String routerInterface = "pmr" + n;
        run("ip", "netns", "add", namespace);
        try {
            run("ip", "link", "add", hostInterface, "type", "veth", "peer", "name", routerInterface, "netns", namespace);
            run("ip", "addr", "add", hostAddress + "/24", "dev", hostInterface);
            run("ip", "link", "set", hostInterface, "up");
            run("ip", "route", "add", "default", "via", routerAddress, "dev", hostInterface, "metric", String.valueOf(4000 + n));
            inside("ip", "link", "set", "lo", "up");
            inside("ip", "addr", "add", routerAddress + "/24", "dev", routerInterface);
            inside("ip", "link", "set", routerInterface, "up");
            // The WAN: a veth pair with both ends inside (no dummy driver is needed that way).
            inside("ip", "link", "add", "wan0", "type", "veth", "peer", "name", "wan1");
            inside("ip", "addr", "add", EXTERNAL + "/24", "dev", "wan0");
            inside("ip", "link", "set", "wan0", "up");
            inside("ip", "link", "set", "wan1", "up");
            inside("ip", "route", "add", "default", "via", "11.22.33.1", "dev", "wan0");
            // The tables and chains miniupnpd's nftables backend adds its rules to (Debian's nft_init.sh makes the same).
            Path rules = dir.resolve("init.nft");
            Files.writeString(rules, """
                    table inet filter {
                        chain forward { type filter hook forward priority 0; policy accept; jump miniupnpd; }
                        chain miniupnpd { }
                        chain prerouting { type nat hook prerouting priority -100; policy accept; jump prerouting_miniupnpd; }
                        chain postrouting { type nat hook postrouting priority 100; policy accept; jump postrouting_miniupnpd; }
                        chain prerouting_miniupnpd { }
                        chain postrouting_miniupnpd { }
                    }
                    """);
            inside("nft", "-f", rules.toString());
            Path conf = dir.resolve("miniupnpd.conf");
            Files.writeString(conf, String.join("\n",
                    "ext_ifname=wan0", "listening_ip=" + routerInterface, "http_port=0", "enable_natpmp=yes",
                    "enable_upnp=yes", "secure_mode=yes", "system_uptime=yes",
                    "uuid=f98ff842-c634-4615-8fbd-677b2eba57c2", "lease_file=" + dir.resolve("leases"),
                    // Short leases allowed, so that a test sees renewals within seconds.
                    "min_lifetime=2", "max_lifetime=86400",
                    "allow 1024-65535 10.79." + n + ".0/24 1024-65535", "deny 0-65535 0.0.0.0/0 0-65535", ""));
            daemon = new ProcessBuilder("ip", "netns", "exec", namespace, "miniupnpd", "-f", conf.toString(), "-d",
                    "-P", dir.resolve("miniupnpd.pid").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitLog("Listening for NAT-PMP/PCP traffic");
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts one, or skips the test (fails under SHOAL_REQUIRE_ALL_TESTS=1) when this machine cannot. */
    public static RouterNamespace start(Path dir) throws IOException, InterruptedException {
        SystemProgram.require("ip");
        SystemProgram.require("nft");
        SystemProgram.require("miniupnpd");
        Processes.Result probe = Processes.run(List.of("ip", "netns", "list"), Duration.ofSeconds(10));
        boolean root = "0".equals(uid());
        SystemProgram.requireThat(root && probe.exitCode() == 0, "network namespaces are required",
                "not root (no CAP_NET_ADMIN to run 'ip netns add')", "run the tests as root, as CI does");
        return new RouterNamespace(ThreadLocalRandom.current().nextInt(10, 250), dir);
    }

    /** The router's nftables rules now (the port forwards miniupnpd made are there). */
    public String rules() throws IOException {
        return insideOutput("nft", "list", "ruleset");
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (daemon != null) {
            daemon.destroy();
            try {
                if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Deleting the namespace deletes the veth pair, and with the host end its route.
        Processes.run(List.of("ip", "netns", "del", namespace), Duration.ofSeconds(10));
    }

    private void awaitLog(String line) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && log().contains(line)) {
                return;
            }
            if (!daemon.isAlive()) {
                throw new IOException("miniupnpd exited " + daemon.exitValue() + ": " + log());
            }
            Thread.sleep(50);
        }
        throw new IOException("miniupnpd did not say '" + line + "' within 20 s: " + log());
    }

    private void inside(String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private String insideOutput(String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        Processes.Result r = Processes.run(full, Duration.ofSeconds(20));
        if (r.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + r.stderr().strip());
        }
        return r.stdout();
    }

    private static void run(String... command) throws IOException {
        Processes.Result r = Processes.run(List.of(command), Duration.ofSeconds(20));
        if (r.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + r.exitCode() + "): " + r.stderr().strip());
        }
    }

    private static String uid() {
        Processes.Result r = Processes.run(List.of("id", "-u"), Duration.ofSeconds(10));
        return r.stdout().strip();
    }
}
