package dev.shoal.peer.internal.mse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * The answering side (B) of the MSE handshake, fed the bytes A sends:
 *
 * <pre>
 * A: Ya, PadA                                  YA (or the plain handshake: PLAINTEXT), then req1 sync
 * B: Yb, PadB
 * A: HASH(req1,S), HASH(req2,SKEY)^HASH(req3,S) REQ23 (finds the torrent)
 *    ENCRYPT(VC, provide, len(PadC), PadC, len(IA))  HEADER, PAD_C, LEN_IA
 * B: ENCRYPT(VC, select, len(PadD)=0)
 * </pre>
 *
 * HASH(req1,S) must end within 532 bytes after Ya (512 of pad, 628 from the first byte). A's
 * ENCRYPT(IA) and what follows is the payload stream: ciphered for len(IA) bytes, then as chosen.
 */
final class Receiver extends HandshakeSteps {

    private enum State { YA, REQ1, REQ23, HEADER, PAD_C, LEN_IA, DONE }

    private static final byte[] PLAIN_START = ("\u0013BitTorrent protocol").getBytes(StandardCharsets.US_ASCII);
    private static final int REQ1_SYNC_LIMIT = MseKeys.MAX_PAD + MseKeys.HASH_LENGTH;
    /** VC, crypto_provide, len(PadC). */
    private static final int HEADER_LENGTH = MseKeys.VC_LENGTH + 4 + 2;

    private final Encryption policy;
    private final SkeyLookup lookup;
    private final DhBudget budget;
    private final SecureRandom random;
    private State state = State.YA;
    private MseKeys.KeyPair keys;
    private byte[] secret;
    private byte[] req1;
    private byte[] skey;
    private int select;

    Receiver(Encryption policy, SkeyLookup lookup, DhBudget budget, SecureRandom random) {
        this.policy = policy;
        this.lookup = lookup;
        this.budget = budget;
        this.random = random;
    }

    /** The info-hash the initiator named, once REQ23 is read. */
    byte[] skey() {
        return skey;
    }

    /** Feeds what came in; {@code send} gets what we must send. */
    Progress receive(ByteBuffer in, Consumer<byte[]> send) throws MseException {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case YA -> {
                    if (readYa(in) == Progress.PLAINTEXT) {
                        return Progress.PLAINTEXT;
                    }
                    if (have() == MseKeys.KEY_LENGTH) {
                        send.accept(afterYa(field(MseKeys.KEY_LENGTH)));
                        nextField();
                        state = State.REQ1;
                    }
                }
                case REQ1 -> {
                    if (sync(in, req1, REQ1_SYNC_LIMIT, "HASH('req1', S)")) {
                        nextField();
                        state = State.REQ23;
                    }
                }
                case REQ23 -> {
                    if (fill(in, MseKeys.HASH_LENGTH)) {
                        findTorrent(field(MseKeys.HASH_LENGTH));
                        nextField();
                        state = State.HEADER;
                    }
                }
                case HEADER -> {
                    if (fill(in, HEADER_LENGTH)) {
                        ByteBuffer header = decryptField(HEADER_LENGTH);
                        if (header.getLong() != 0) {
                            throw new MseException("wrong verification constant");
                        }
                        select = choose(header.getInt());
                        skipNext(padLength(header, "PadC"));
                        nextField();
                        state = State.PAD_C;
                    }
                }
                case PAD_C -> {
                    if (skip(in)) {
                        state = State.LEN_IA;
                    }
                }
                case LEN_IA -> {
                    if (fill(in, 2)) {
                        int iaLength = Short.toUnsignedInt(decryptField(2).getShort());
                        rc4 = select == MseKeys.CRYPTO_RC4;
                        inboundCiphered = rc4 ? Long.MAX_VALUE : iaLength;
                        send.accept(answer());
                        state = State.DONE;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return state == State.DONE ? Progress.DONE : Progress.MORE;
    }

    /**
     * Ya's bytes; while they are the plain handshake's first bytes, one at a time, so that a plain
     * peer is told apart after 20 bytes (a random Ya starts so with odds of 2^-160).
     */
    private Progress readYa(ByteBuffer in) throws MseException {
        while (in.hasRemaining() && have() < PLAIN_START.length && matchesPlain()) {
            fill(in, have() + 1);
        }
        if (have() == PLAIN_START.length && matchesPlain()) {
            if (policy == Encryption.REQUIRE) {
                throw MseException.refusedBySetting("plaintext handshake refused: encryption is required");
            }
            return Progress.PLAINTEXT;
        }
        if (have() > 0 && !matchesPlain() && policy == Encryption.DISABLE) {
            throw MseException.refusedBySetting("encrypted handshake refused: encryption is disabled");
        }
        if (have() >= PLAIN_START.length || !matchesPlain()) {
            fill(in, MseKeys.KEY_LENGTH);
        }
        return Progress.MORE;
    }

    private boolean matchesPlain() {
        for (int i = 0; i < have() && i < PLAIN_START.length; i++) {
            if (fieldByte(i) != PLAIN_START[i]) {
                return false;
            }
        }
        return true;
    }

    private byte[] afterYa(byte[] ya) throws MseException {
        if (!budget.tryAcquire()) {
            throw new MseException("too many encrypted handshakes this second");
        }
        keys = MseKeys.KeyPair.generate(random);
        secret = keys.secret(ya);
        req1 = MseKeys.hash("req1", secret);
        byte[] pad = MseKeys.pad(random);
        return ByteBuffer.allocate(MseKeys.KEY_LENGTH + pad.length).put(keys.publicKey()).put(pad).array();
    }

    private void findTorrent(byte[] req23) throws MseException {
        byte[] req2 = MseKeys.xor(req23, MseKeys.hash("req3", secret));
        skey = lookup.skeyOf(req2);
        if (skey == null) {
            throw new MseException("asked for a torrent we do not serve");
        }
        inbound = MseKeys.keyA(secret, skey);
        outbound = MseKeys.keyB(secret, skey);
    }

    /** Our crypto_select from their crypto_provide: RC4 whenever both may, plaintext if only that. */
    private int choose(int provide) throws MseException {
        int both = provide & policy.cryptoBits();
        if ((both & MseKeys.CRYPTO_RC4) != 0) {
            return MseKeys.CRYPTO_RC4;
        }
        if ((both & MseKeys.CRYPTO_PLAINTEXT) != 0) {
            return MseKeys.CRYPTO_PLAINTEXT;
        }
        throw MseException.refusedBySetting("crypto_provide 0x" + Integer.toHexString(provide)
                + " offers nothing encryption=" + policy + " allows");
    }

    private byte[] answer() {
        ByteBuffer out = ByteBuffer.allocate(MseKeys.VC_LENGTH + 4 + 2);
        out.put(new byte[MseKeys.VC_LENGTH]).putInt(select).putShort((short) 0);
        outbound.apply(out.array(), 0, out.capacity());
        return out.array();
    }
}
