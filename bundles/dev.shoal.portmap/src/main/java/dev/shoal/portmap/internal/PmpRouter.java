package dev.shoal.portmap.internal;

import dev.shoal.portmap.api.Mapping;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * A gateway asked by PCP (RFC 6887) first and by NAT-PMP (RFC 6886) when it answers PCP in
 * version 0, as a NAT-PMP-only router does (RFC 6887 §9). Requests leave from our address on the
 * gateway's interface; each is sent again after 250 ms, doubling, {@value #TRIES} times in all
 * (RFC 6886 §3.1 asks for 9, over a minute: too long to hold the mapper's thread for a router that
 * does not speak it at all; the next refresh asks again).
 */
final class PmpRouter implements Router {

    static final int TRIES = 4;
    private static final int FIRST_WAIT_MS = 250;
    /** PCP's largest message (RFC 6887 §7); anything longer is cut and then refused by the length checks. */
    private static final int MAX_PACKET = 1100;

    private final Gateway gateway;
    private final SecureRandom random = new SecureRandom();
    /** The nonce each PCP mapping was made with: renewals and the deletion must repeat it (§11.2). */
    private final Map<String, byte[]> nonces = new HashMap<>();
    private volatile boolean natPmp;

    PmpRouter(Gateway gateway) {
        this(gateway, false);
    }

    /** With {@code natPmpOnly}, PCP is never tried (tests: NAT-PMP against a router that speaks both). */
    PmpRouter(Gateway gateway, boolean natPmpOnly) {
        this.gateway = gateway;
        this.natPmp = natPmpOnly;
    }

    @Override
    public String method() {
        return natPmp ? Mapping.NAT_PMP : Mapping.PCP;
    }

    @Override
    public String describe() {
        return gateway.describe();
    }

    @Override
    public Grant map(Transport transport, int port, long leaseSeconds) throws IOException {
        if (!natPmp) {
            byte[] nonce = nonces.computeIfAbsent(transport + "/" + port, k -> newNonce());
            byte[] answer = new byte[MAX_PACKET];
            int n = exchange(PcpCodec.mapRequest(nonce, gateway.local(), transport, port, port, leaseSeconds), answer);
            if (!NatPmpCodec.isNatPmp(answer, n)) {
                return PcpCodec.mapping(answer, n, nonce, transport, port);
            }
            natPmp = true;
        }
        byte[] answer = new byte[MAX_PACKET];
        int n = exchange(NatPmpCodec.externalAddressRequest(), answer);
        java.net.Inet4Address external = NatPmpCodec.externalAddress(answer, n);
        n = exchange(NatPmpCodec.mapRequest(transport, port, port, leaseSeconds), answer);
        Grant grant = NatPmpCodec.mapping(answer, n, transport, port);
        return new Grant(grant.externalPort(), grant.leaseSeconds(), external, grant.note());
    }

    @Override
    public void unmap(Transport transport, int port) throws IOException {
        byte[] answer = new byte[MAX_PACKET];
        if (natPmp) {
            int n = exchange(NatPmpCodec.mapRequest(transport, port, 0, 0), answer);
            NatPmpCodec.mapping(answer, n, transport, port);
            return;
        }
        byte[] nonce = nonces.remove(transport + "/" + port);
        if (nonce != null) {
            int n = exchange(PcpCodec.mapRequest(nonce, gateway.local(), transport, port, port, 0), answer);
            PcpCodec.mapping(answer, n, nonce, transport, port);
        }
    }

    private byte[] newNonce() {
        byte[] nonce = new byte[PcpCodec.NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    /** Sends {@code request} until an answer comes from the router; the answer's length. */
    private int exchange(byte[] request, byte[] answer) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(gateway.local(), 0))) {
            // Connected: datagrams from anyone but the router are dropped by the kernel.
            socket.connect(new InetSocketAddress(gateway.router(), NatPmpCodec.PORT));
            int wait = FIRST_WAIT_MS;
            for (int i = 0; i < TRIES; i++, wait *= 2) {
                socket.send(new DatagramPacket(request, request.length));
                socket.setSoTimeout(wait);
                DatagramPacket packet = new DatagramPacket(answer, answer.length);
                try {
                    socket.receive(packet);
                    return packet.getLength();
                } catch (SocketTimeoutException e) {
                    // Send again, waiting twice as long.
                } catch (java.net.PortUnreachableException e) {
                    throw new IOException(method() + ": " + gateway.router().getHostAddress() + " does not listen on UDP "
                            + NatPmpCodec.PORT);
                }
            }
        }
        throw new SocketTimeoutException(method() + ": no answer from " + gateway.router().getHostAddress() + ":"
                + NatPmpCodec.PORT + " (" + TRIES + " tries over " + ((FIRST_WAIT_MS << TRIES) - FIRST_WAIT_MS) + " ms)");
    }
}
