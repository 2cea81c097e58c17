package dev.shoal.peer.internal.mse;

import java.util.Locale;

/**
 * What we do about Message Stream Encryption (MSE/PE): the {@code encryption} setting.
 *
 * <ul>
 * <li>{@link #PREFER}: dial encrypted and, when that handshake fails, dial again in plaintext
 * (remembering per address which worked); accept both; choose RC4 when the peer offers it.
 * <li>{@link #REQUIRE}: RC4 both ways; plaintext peers and plaintext-only offers are refused.
 * <li>{@link #DISABLE}: plaintext only; incoming encrypted handshakes are refused.
 * </ul>
 */
public enum Encryption {
    PREFER, REQUIRE, DISABLE;

    /** The setting's value: {@code prefer}, {@code require} or {@code disable}, any case. */
    public static Encryption parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption must be prefer, require or disable, not \"" + value + "\"");
        }
    }

    /** The crypto_provide bits an initiator offers, or a receiver accepts. */
    int cryptoBits() {
        return switch (this) {
            case PREFER -> MseKeys.CRYPTO_PLAINTEXT | MseKeys.CRYPTO_RC4;
            case REQUIRE -> MseKeys.CRYPTO_RC4;
            case DISABLE -> MseKeys.CRYPTO_PLAINTEXT;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
