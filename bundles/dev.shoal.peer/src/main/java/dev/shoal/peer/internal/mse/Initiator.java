package dev.shoal.peer.internal.mse;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * The dialling side (A) of the MSE handshake, fed the bytes B sends:
 *
 * <pre>
 * A: Ya, PadA                                  ({@link #start})
 * B: Yb, PadB                                  YB, then VC sync
 * A: HASH(req1,S), HASH(req2,SKEY)^HASH(req3,S), ENCRYPT(VC, provide, len(PadC)=0, len(IA)), ENCRYPT(IA)
 * B: ENCRYPT(VC, select, len(PadD), PadD)      VC sync, SELECT, PAD_D
 * </pre>
 *
 * B's VC, ciphered, is what A looks for behind PadB: found within 520 bytes (512 of pad) or the
 * handshake fails. The IA (our BitTorrent handshake) goes out through {@link #outbound()} right after
 * the bytes sent on Yb, which the filter does with the writes it held.
 */
final class Initiator extends HandshakeSteps {

    private enum State { YB, VC, SELECT, PAD_D, DONE }

    /** PadB and the ciphered VC behind it. */
    private static final int VC_SYNC_LIMIT = MseKeys.MAX_PAD + MseKeys.VC_LENGTH;

    private final byte[] skey;
    private final int provide;
    private final SecureRandom random;
    private final MseKeys.KeyPair keys;
    private State state = State.YB;
    private byte[] cipheredVc;

    /** {@code skey}: the torrent's info-hash; {@code provide}: the crypto_provide bits offered. */
    Initiator(byte[] skey, int provide, SecureRandom random) {
        this.skey = skey;
        this.provide = provide;
        this.random = random;
        this.keys = MseKeys.KeyPair.generate(random);
    }

    /** Ya and PadA, the first bytes we send. */
    byte[] start() {
        byte[] pad = MseKeys.pad(random);
        return ByteBuffer.allocate(MseKeys.KEY_LENGTH + pad.length).put(keys.publicKey()).put(pad).array();
    }

    /**
     * Feeds what came in; {@code send} gets what we must send. {@code iaLength}: the bytes of the
     * initial payload the filter will send (ciphered by {@link #outbound()}) right after.
     */
    Progress receive(ByteBuffer in, int iaLength, Consumer<byte[]> send) throws MseException {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case YB -> {
                    if (fill(in, MseKeys.KEY_LENGTH)) {
                        send.accept(afterYb(field(MseKeys.KEY_LENGTH), iaLength));
                        nextField();
                        state = State.VC;
                    }
                }
                case VC -> {
                    if (sync(in, cipheredVc, VC_SYNC_LIMIT, "the receiver's verification constant")) {
                        nextField();
                        state = State.SELECT;
                    }
                }
                case SELECT -> {
                    if (fill(in, 6)) {
                        ByteBuffer field = decryptField(6);
                        int select = field.getInt();
                        if (Integer.bitCount(select) != 1 || (select & provide) == 0) {
                            throw new MseException("crypto_select 0x" + Integer.toHexString(select)
                                    + " is not one of the offered 0x" + Integer.toHexString(provide));
                        }
                        rc4 = select == MseKeys.CRYPTO_RC4;
                        inboundCiphered = rc4 ? Long.MAX_VALUE : 0;
                        skipNext(padLength(field, "PadD"));
                        nextField();
                        state = State.PAD_D;
                    }
                }
                case PAD_D -> {
                    if (skip(in)) {
                        state = State.DONE;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        // An empty PadD is through as soon as the select is read.
        if (state == State.PAD_D && skip(in)) {
            state = State.DONE;
        }
        return state == State.DONE ? Progress.DONE : Progress.MORE;
    }

    private byte[] afterYb(byte[] yb, int iaLength) throws MseException {
        byte[] secret = keys.secret(yb);
        outbound = MseKeys.keyA(secret, skey);
        inbound = MseKeys.keyB(secret, skey);
        cipheredVc = inbound.apply(new byte[MseKeys.VC_LENGTH]);
        ByteBuffer out = ByteBuffer.allocate(2 * MseKeys.HASH_LENGTH + MseKeys.VC_LENGTH + 4 + 2 + 2);
        out.put(MseKeys.hash("req1", secret)).put(MseKeys.req23(skey, secret));
        int ciphered = out.position();
        out.put(new byte[MseKeys.VC_LENGTH]).putInt(provide).putShort((short) 0).putShort((short) iaLength);
        outbound.apply(out.array(), ciphered, out.position() - ciphered);
        return out.array();
    }
}
