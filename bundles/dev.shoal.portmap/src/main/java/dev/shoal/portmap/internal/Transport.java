package dev.shoal.portmap.internal;

/** What a mapping forwards, with each protocol's number for it. */
enum Transport {
    TCP(2, 6),
    UDP(1, 17);

    /** NAT-PMP's opcode (RFC 6886 §3.3). */
    final int natPmpOpcode;
    /** The IANA protocol number PCP carries (RFC 6887 §11.1). */
    final int ianaProtocol;

    Transport(int natPmpOpcode, int ianaProtocol) {
        this.natPmpOpcode = natPmpOpcode;
        this.ianaProtocol = ianaProtocol;
    }
}
