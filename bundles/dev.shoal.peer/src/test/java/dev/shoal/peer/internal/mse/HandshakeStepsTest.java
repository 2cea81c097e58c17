package dev.shoal.peer.internal.mse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The two state machines fed each other's bytes in memory, in random fragments. */
class HandshakeStepsTest {

    private static final byte[] SKEY = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    private final SecureRandom secure = new SecureRandom();
    private final Random random = new Random(3);

    private Receiver receiver(Encryption policy) {
        return new Receiver(policy, req2 -> Arrays.equals(req2, SkeyLookup.req2(SKEY)) ? SKEY : null,
                new DhBudget(1000), secure);
    }

    /** Feeds {@code bytes} in random fragments; returns the last progress. */
    private HandshakeSteps.Progress feed(Receiver receiver, byte[] bytes, ByteArrayOutputStream answer)
            throws MseException {
        HandshakeSteps.Progress progress = HandshakeSteps.Progress.MORE;
        for (int at = 0; at < bytes.length && progress == HandshakeSteps.Progress.MORE; ) {
            int chunk = Math.min(bytes.length - at, 1 + random.nextInt(100));
            ByteBuffer in = ByteBuffer.wrap(bytes, at, chunk);
            progress = receiver.receive(in, answer::writeBytes);
            at += chunk - in.remaining();
        }
        return progress;
    }

    @Test
    void bothSidesAgreeOnRc4AndTheirCiphersMatch() throws Exception {
        for (int round = 0; round < 20; round++) {
            Initiator initiator = new Initiator(SKEY, Encryption.PREFER.cryptoBits(), secure);
            Receiver receiver = receiver(Encryption.PREFER);
            byte[] ia = "the initial payload".getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream toReceiver = new ByteArrayOutputStream();
            toReceiver.writeBytes(initiator.start());
            ByteArrayOutputStream toInitiator = new ByteArrayOutputStream();
            assertEquals(HandshakeSteps.Progress.MORE, feed(receiver, toReceiver.toByteArray(), toInitiator));

            // Yb and PadB, then the answer to what the initiator sends on reading them.
            ByteArrayOutputStream fromInitiator = new ByteArrayOutputStream();
            assertEquals(HandshakeSteps.Progress.MORE, initiator.receive(ByteBuffer.wrap(toInitiator.toByteArray()),
                    ia.length, fromInitiator::writeBytes));
            byte[] cipheredIa = initiator.handshakeOutbound().apply(ia);
            fromInitiator.writeBytes(cipheredIa);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] sent = fromInitiator.toByteArray();
            ByteBuffer in = ByteBuffer.wrap(sent);
            assertEquals(HandshakeSteps.Progress.DONE, receiver.receive(in, answer::writeBytes));
            assertEquals(ia.length, in.remaining(), "the IA is left as payload");
            byte[] payload = new byte[in.remaining()];
            in.get(payload);
            receiver.inbound().apply(payload, 0, payload.length);
            assertArrayEquals(ia, payload);
            assertArrayEquals(SKEY, receiver.skey());

            assertEquals(HandshakeSteps.Progress.DONE, initiator.receive(ByteBuffer.wrap(answer.toByteArray()), 0,
                    bytes -> { }));
            assertTrue(initiator.rc4() && receiver.rc4());
            byte[] message = "a piece".getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(message, initiator.inbound().apply(receiver.outbound().apply(message)));
            assertArrayEquals(message, receiver.inbound().apply(initiator.outbound().apply(message)));
        }
    }

    @Test
    void req1MustEndWithin628BytesOfTheStart() throws Exception {
        byte[] noise = new byte[96 + 512 + 20];
        random.nextBytes(noise);
        noise[0] = 0x42;
        Receiver receiver = receiver(Encryption.PREFER);
        assertEquals(HandshakeSteps.Progress.MORE,
                receiver.receive(ByteBuffer.wrap(noise, 0, noise.length - 1), bytes -> { }));
        MseException lost = assertThrows(MseException.class,
                () -> receiver.receive(ByteBuffer.wrap(noise, noise.length - 1, 1), bytes -> { }));
        assertTrue(lost.getMessage().contains("req1"), lost.getMessage());
    }

    @Test
    void theReceiversVcMustEndWithin520BytesAfterYb() throws Exception {
        Initiator initiator = new Initiator(SKEY, Encryption.REQUIRE.cryptoBits(), secure);
        byte[] yb = MseKeys.KeyPair.generate(secure).publicKey();
        byte[] noise = new byte[96 + 512 + 8];
        random.nextBytes(noise);
        System.arraycopy(yb, 0, noise, 0, 96);
        assertEquals(HandshakeSteps.Progress.MORE,
                initiator.receive(ByteBuffer.wrap(noise, 0, noise.length - 1), 0, bytes -> { }));
        MseException lost = assertThrows(MseException.class,
                () -> initiator.receive(ByteBuffer.wrap(noise, noise.length - 1, 1), 0, bytes -> { }));
        assertTrue(lost.getMessage().contains("verification constant"), lost.getMessage());
    }

    @Test
    void thePlainHandshakeIsToldApartAfterTwentyBytes() throws Exception {
        byte[] plain = ("\u0013BitTorrent protocol" + "\0".repeat(8)).getBytes(StandardCharsets.US_ASCII);
        Receiver receiver = receiver(Encryption.PREFER);
        ByteBuffer in = ByteBuffer.wrap(plain);
        assertEquals(HandshakeSteps.Progress.PLAINTEXT, receiver.receive(in, bytes -> { }));
        assertEquals(8, in.remaining(), "the rest is left for the codec");
        assertArrayEquals(Arrays.copyOf(plain, 20), receiver.held());
        MseException refused = assertThrows(MseException.class,
                () -> receiver(Encryption.REQUIRE).receive(ByteBuffer.wrap(plain), bytes -> { }));
        assertTrue(refused.getMessage().contains("required"), refused.getMessage());
    }

    @Test
    void aYaStartingLikeThePlainHandshakeIsStillAKey() throws Exception {
        byte[] ya = new byte[96];
        random.nextBytes(ya);
        System.arraycopy("\u0013BitTorrent".getBytes(StandardCharsets.US_ASCII), 0, ya, 0, 11);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        assertEquals(HandshakeSteps.Progress.MORE, receiver(Encryption.PREFER).receive(ByteBuffer.wrap(ya),
                answer::writeBytes));
        assertTrue(answer.size() >= 96, "Yb was sent");
    }

    @Test
    void disableRefusesTheFirstByteOfAnEncryptedHandshake() {
        MseException refused = assertThrows(MseException.class,
                () -> receiver(Encryption.DISABLE).receive(ByteBuffer.wrap(new byte[] {0x42}), bytes -> { }));
        assertTrue(refused.getMessage().contains("disabled"), refused.getMessage());
    }

    @Test
    void theBudgetRefusesBeyondItsRateAndRefillsEachSecond() {
        DhBudget budget = new DhBudget(3);
        long now = 1_000_000_000L;
        assertTrue(budget.tryAcquire(now) && budget.tryAcquire(now + 1) && budget.tryAcquire(now + 2));
        assertFalse(budget.tryAcquire(now + 3));
        assertTrue(budget.tryAcquire(now + 1_000_000_000L));
        assertEquals(4, budget.granted());
    }

    @Test
    void degenerateKeysAreRefused() {
        MseKeys.KeyPair keys = MseKeys.KeyPair.generate(secure);
        assertThrows(MseException.class, () -> keys.secret(new byte[96]));
        assertThrows(MseException.class, () -> keys.secret(MseKeys.toWire(MseKeys.P.subtract(java.math.BigInteger.ONE))));
        byte[] one = new byte[96];
        one[95] = 1;
        assertThrows(MseException.class, () -> keys.secret(one));
    }
}
