package dev.shoal.portmap.internal;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Whether an address a router reports is one the internet can see. A router behind another NAT
 * reports its own private or carrier-grade NAT address (100.64.0.0/10); that is no use to BEP 42 or
 * {@code yourip}, so it is shown but not offered.
 */
final class PublicAddress {

    private PublicAddress() {
    }

    static boolean is(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        if (a instanceof Inet4Address) {
            byte[] b = a.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 100 && second >= 64 && second < 128) && first != 0 && first < 224;
        }
        return true;
    }
}
