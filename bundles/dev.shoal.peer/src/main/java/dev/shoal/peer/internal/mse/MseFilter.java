package dev.shoal.peer.internal.mse;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message Stream Encryption (MSE/PE) below the peer wire codec. On a dialled session it runs the
 * {@link Initiator} (or, dialled in plaintext, removes itself); on an accepted one the
 * {@link Receiver}, which also tells a plain BitTorrent handshake from an encrypted one. While the
 * handshake runs, the codec's writes wait here (the dialler's BitTorrent handshake goes out as the
 * initial payload). After it, with RC4 every byte in and out is ciphered in place (the codec's
 * buffers are fresh per message, MINA's read buffers fresh per read, so nobody else sees them); with
 * plaintext the filter leaves the chain. Never blocks; one fixed buffer per handshake. Shared by
 * every session of a service: each session's state is its attribute.
 */
public final class MseFilter extends IoFilterAdapter {

    public static final String NAME = "mse";
    private static final Logger LOG = LoggerFactory.getLogger(MseFilter.class);
    private static final AttributeKey DIAL = new AttributeKey(MseFilter.class, "dial");
    private static final AttributeKey STATE = new AttributeKey(MseFilter.class, "state");
    /** Writes held during a handshake: ours are one BitTorrent handshake; more is a bug, not a peer. */
    private static final int MAX_HELD = 16;
    private static final int MAX_IA = 0xFFFF;

    private final Encryption policy;
    private final SkeyLookup lookup;
    private final DhBudget budget;
    private final SecureRandom random = new SecureRandom();

    /** {@code lookup} and {@code budget} serve accepted sessions; a connector's filter has none. */
    public MseFilter(Encryption policy, SkeyLookup lookup, DhBudget budget) {
        this.policy = policy;
        this.lookup = lookup;
        this.budget = budget;
    }

    /** How a dialled session starts: encrypted for the torrent {@code skey}, or plaintext (skey null). */
    private record Dial(byte[] skey, int provide) {
    }

    /** Marks a session we dial, from the connect future's initializer: encrypted or not. */
    public void dialling(IoSession session, byte[] skey, boolean encrypted) {
        session.setAttribute(DIAL, encrypted ? new Dial(skey, policy.cryptoBits()) : new Dial(null, 0));
    }

    /** True once the session's MSE handshake is through (at once for plaintext sessions). */
    public static boolean completed(IoSession session) {
        Object state = session.getAttribute(STATE);
        return state == null || ((SessionState) state).done;
    }

    /** True when the session's payload is RC4-encrypted. */
    public static boolean encrypted(IoSession session) {
        Object state = session.getAttribute(STATE);
        return state != null && ((SessionState) state).encrypted;
    }

    /**
     * The info-hash an accepted session's encrypted handshake named (its BitTorrent handshake must
     * name the same), or null for a plaintext or dialled one.
     */
    public static byte[] skey(IoSession session) {
        Object state = session.getAttribute(STATE);
        return state == null ? null : ((SessionState) state).skey;
    }

    /** A write of ours, not the codec's: nobody above waits for its messageSent. */
    private static final class OwnWrite extends DefaultWriteRequest {
        OwnWrite(byte[] bytes) {
            super(IoBuffer.wrap(bytes));
        }
    }

    /** One session's handshake, then its ciphers. Guarded by itself. */
    private static final class SessionState {
        Initiator initiator;
        Receiver receiver;
        final List<WriteRequest> held = new ArrayList<>();
        volatile boolean done;
        volatile boolean encrypted;
        volatile byte[] skey;
        Rc4 inbound;
        long inboundCiphered;
        Rc4 outbound;

        HandshakeSteps steps() {
            return initiator != null ? initiator : receiver;
        }
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) throws Exception {
        Dial dial = (Dial) session.getAttribute(DIAL);
        SessionState state = new SessionState();
        if (dial == null) {
            state.receiver = new Receiver(policy, lookup, budget, random);
            session.setAttribute(STATE, state);
        } else if (dial.skey() != null) {
            state.initiator = new Initiator(dial.skey(), dial.provide(), random);
            session.setAttribute(STATE, state);
            next.filterWrite(session, new OwnWrite(state.initiator.start()));
        } else {
            next.sessionOpened(session);
            session.getFilterChain().remove(this);
            return;
        }
        next.sessionOpened(session);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        SessionState state = (SessionState) session.getAttribute(STATE);
        if (state == null || !(message instanceof IoBuffer buffer)) {
            next.messageReceived(session, message);
            return;
        }
        if (!state.done && !handshake(next, session, state, buffer)) {
            return;
        }
        if (state.inbound != null && buffer.hasRemaining()) {
            ByteBuffer in = buffer.buf();
            int ciphered = (int) Math.min(state.inboundCiphered, in.remaining());
            state.inbound.apply(in.slice(in.position(), ciphered));
            state.inboundCiphered -= ciphered;
            if (state.inboundCiphered == 0) {
                state.inbound = null;
            }
        }
        if (buffer.hasRemaining()) {
            next.messageReceived(session, buffer);
        }
        if (state.inbound == null && state.outbound == null && session.getFilterChain().contains(this)) {
            session.getFilterChain().remove(this);
        }
    }

    /** Feeds the handshake; true when it is through and what is left of {@code buffer} is payload. */
    private boolean handshake(NextFilter next, IoSession session, SessionState state, IoBuffer buffer) {
        synchronized (state) {
            try {
                HandshakeSteps.Progress progress;
                if (state.initiator != null) {
                    progress = state.initiator.receive(buffer.buf(), initialPayloadLength(state),
                            bytes -> sendWithInitialPayload(next, session, state, bytes));
                } else {
                    progress = state.receiver.receive(buffer.buf(), bytes -> next.filterWrite(session, new OwnWrite(bytes)));
                }
                if (progress == HandshakeSteps.Progress.MORE) {
                    return false;
                }
                if (progress == HandshakeSteps.Progress.PLAINTEXT) {
                    next.messageReceived(session, IoBuffer.wrap(state.receiver.held()));
                } else {
                    HandshakeSteps steps = state.steps();
                    state.inbound = steps.inboundCiphered() > 0 ? steps.inbound() : null;
                    state.inboundCiphered = steps.inboundCiphered();
                    state.outbound = steps.outbound();
                    state.encrypted = steps.rc4();
                    state.skey = state.receiver != null ? state.receiver.skey() : null;
                }
                state.initiator = null;
                state.receiver = null;
                state.done = true;
                for (WriteRequest held : state.held) {
                    forward(next, session, state, held);
                }
                state.held.clear();
                return true;
            } catch (MseException e) {
                refuse(next, session, e);
                return false;
            }
        }
    }

    /** What the codec wrote so far, our BitTorrent handshake, goes out as the initiator's IA. */
    private static int initialPayloadLength(SessionState state) {
        int length = 0;
        for (WriteRequest held : state.held) {
            int next = length + ((IoBuffer) held.getMessage()).remaining();
            if (next > MAX_IA) {
                break;
            }
            length = next;
        }
        return length;
    }

    private static void sendWithInitialPayload(NextFilter next, IoSession session, SessionState state, byte[] bytes) {
        next.filterWrite(session, new OwnWrite(bytes));
        int length = initialPayloadLength(state);
        Rc4 cipher = state.initiator.handshakeOutbound();
        while (length > 0) {
            WriteRequest request = state.held.remove(0);
            IoBuffer payload = (IoBuffer) request.getMessage();
            length -= payload.remaining();
            cipher.apply(payload.buf());
            next.filterWrite(session, request);
        }
    }

    private void refuse(NextFilter next, IoSession session, MseException e) {
        // A broken handshake is the peer's business (the handler logs it at debug); a refusal by our
        // setting is the user's, who should see why a peer could not connect.
        if (e.refusedBySetting()) {
            LOG.info("closing {}: {}", session.getRemoteAddress(), e.getMessage());
        }
        next.exceptionCaught(session, e);
        session.closeNow();
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        SessionState state = (SessionState) session.getAttribute(STATE);
        if (state == null) {
            next.filterWrite(session, request);
            return;
        }
        synchronized (state) {
            if (!state.done) {
                if (state.held.size() >= MAX_HELD) {
                    throw new IllegalStateException("more than " + MAX_HELD + " writes during an MSE handshake");
                }
                state.held.add(request);
                return;
            }
            forward(next, session, state, request);
        }
    }

    /** Ciphers (with RC4) and passes on, under the state's lock so that the keystream follows the queue. */
    private static void forward(NextFilter next, IoSession session, SessionState state, WriteRequest request) {
        if (state.outbound != null) {
            if (!(request.getMessage() instanceof IoBuffer buffer)) {
                throw new IllegalStateException("only buffers can be encrypted, not " + request.getMessage());
            }
            state.outbound.apply(buffer.buf());
        }
        next.filterWrite(session, request);
    }

    @Override
    public void messageSent(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        if (!(request instanceof OwnWrite)) {
            next.messageSent(session, request);
        }
    }
}
