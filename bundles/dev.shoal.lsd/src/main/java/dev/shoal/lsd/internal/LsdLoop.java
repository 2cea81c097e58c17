package dev.shoal.lsd.internal;

import dev.shoal.metainfo.InfoHash;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of local service discovery: waits on the receivers until a datagram arrives, an
 * announce is due or the interfaces are to be looked at again, reads what arrived (parsed strictly,
 * our own dropped by cookie, then rate-limited per source), sends what is due and follows the
 * interfaces as they come and go: at its start, every {@code rescan}, and after a send failed (the
 * interface may be gone). Nothing else ever waits on it: the engine's calls only touch the schedule
 * and {@link #wakeup()} it.
 */
final class LsdLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LsdLoop.class);

    /** What the loop hands a parsed announce to, with its sender's address. */
    interface Heard {
        /** Whether the announce names a torrent looked up here; only those cost their source a token. */
        boolean wants(Announcement announcement);

        void heard(InetAddress source, Announcement announcement);
    }

    private final MulticastChannels channels;
    private final InterfaceChoice interfaces;
    private final long rescanNanos;
    private final AnnounceSchedule schedule;
    private final String cookie;
    private final int groupPort;
    private final Heard heard;
    private final SourceLimiter limiter;
    private final Selector selector;
    /** One byte more than a message may have, so that a longer datagram shows as too long, not cut. */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(AnnouncementCodec.MAX_MESSAGE + 1);
    private final Thread thread;
    private volatile boolean running = true;
    private long rescanDue = System.nanoTime();
    /** Set from other threads: look at the interfaces at once (the peer wire came or went). */
    private volatile boolean rescanAsked;

    LsdLoop(MulticastChannels channels, InterfaceChoice interfaces, long rescanNanos, AnnounceSchedule schedule,
            String cookie, int groupPort, Heard heard, SourceLimiter limiter) throws IOException {
        this.channels = channels;
        this.interfaces = interfaces;
        this.rescanNanos = rescanNanos;
        this.schedule = schedule;
        this.cookie = cookie;
        this.groupPort = groupPort;
        this.heard = heard;
        this.limiter = limiter;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "shoal-lsd");
        thread.setDaemon(true);
        thread.start();
    }

    /** The schedule changed: look at it again now. */
    void wakeup() {
        selector.wakeup();
    }

    /** Looks at the interfaces again before anything else, as their choice may have changed. */
    void rescanNow() {
        rescanAsked = true;
        selector.wakeup();
    }

    private void run() {
        try {
            while (running) {
                long now = System.nanoTime();
                if (rescanAsked || rescanDue - now <= 0) {
                    rescanAsked = false;
                    rescan(now);
                }
                // With no interface, nothing due is taken: it goes out as soon as one comes.
                long next = channels.senders().isEmpty() ? Long.MAX_VALUE : schedule.nextDue();
                if (next != Long.MAX_VALUE && next - now <= 0) {
                    announce();
                    continue;
                }
                long wait = next == Long.MAX_VALUE ? rescanDue - now : Math.min(next - now, rescanDue - now);
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                for (SelectionKey key : selector.selectedKeys()) {
                    receive((MulticastChannels.Receiver) key.attachment());
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException e) {
            // closed: done
        } catch (IOException | RuntimeException e) {
            if (running) {
                LOG.error("LSD: stopped listening and announcing", e);
            }
        }
    }

    /** Joins and leaves as the interfaces say, and listens on any receiver that opened. */
    private void rescan(long now) throws IOException {
        rescanDue = now + rescanNanos;
        try {
            InterfaceChoice.Chosen chosen = interfaces.choose();
            if (channels.update(chosen.interfaces(), chosen.addresses())) {
                schedule.hurry(now);
            }
        } catch (IOException e) {
            LOG.warn("LSD: cannot list the network interfaces: {}", e.toString());
        }
        for (MulticastChannels.Receiver receiver : channels.receivers()) {
            if (receiver.channel().keyFor(selector) == null) {
                receiver.channel().register(selector, SelectionKey.OP_READ, receiver);
            }
        }
    }

    private void announce() {
        Map<Integer, List<InfoHash>> due = schedule.takeDue(System.nanoTime());
        for (MulticastChannels.Sender sender : channels.senders()) {
            due.forEach((port, hashes) -> {
                for (byte[] message : AnnouncementCodec.encode(sender.group.host, port, hashes, cookie)) {
                    if (!sender.send(message, groupPort)) {
                        rescanDue = System.nanoTime();
                    }
                }
            });
        }
        if (LOG.isDebugEnabled()) {
            due.forEach((port, hashes) -> LOG.debug("LSD: announced {} torrent(s) at port {} on {} socket(s)",
                    hashes.size(), port, channels.senders().size()));
        }
    }

    /** Reads every datagram waiting on {@code receiver}, so that a flood cannot starve the announces for long. */
    private void receive(MulticastChannels.Receiver receiver) {
        for (int read = 0; read < 64; read++) {
            buffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) receiver.channel().receive(buffer);
            } catch (IOException e) {
                LOG.debug("LSD: receiving over {} failed: {}", receiver.group(), e.toString());
                return;
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            // A dual-stack IPv6 socket may be handed IPv4 datagrams too; the IPv4 receiver reads those.
            if (receiver.group() == MulticastChannels.Group.V6 && !receiver.group().ofFamily.test(from.getAddress())) {
                continue;
            }
            read(from.getAddress(), buffer);
        }
    }

    /**
     * Parsing comes first (bounded: one datagram of at most 1400 bytes), so that our own announces,
     * looped back from an address other clients on this host share, never spend that address's tokens;
     * nor do announces of torrents we do not have, so that a neighbour announcing many (libtorrent
     * sends one message per torrent, three times) does not crowd out the ones we want.
     */
    private void read(InetAddress source, ByteBuffer datagram) {
        Announcement announcement;
        try {
            announcement = AnnouncementCodec.decode(datagram);
        } catch (MalformedAnnouncementException e) {
            LOG.debug("LSD: dropped a datagram from {}: {}", source.getHostAddress(), e.getMessage());
            return;
        }
        if (cookie.equalsIgnoreCase(announcement.cookie()) || !heard.wants(announcement)) {
            return;
        }
        if (!limiter.allow(source, System.nanoTime())) {
            LOG.debug("LSD: dropped an announce from {}: over its rate limit", source.getHostAddress());
            return;
        }
        heard.heard(source, announcement);
    }

    @Override
    public void close() {
        running = false;
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("LSD: closing the selector failed: {}", e.toString());
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channels.close();
    }
}
