/**
 * One UDP socket for Shoal's port, shared like libtorrent's: the {@link dev.shoal.udp.api.UdpPort}
 * service sends from it, and every datagram that arrives is offered to the registered
 * {@link dev.shoal.udp.api.DatagramHandler}s in their {@link dev.shoal.udp.api.DatagramHandler#ORDER}
 * until one claims it (uTP first, then the DHT, then UDP tracker replies).
 */
@Export
@Version("1.0.0")
package dev.shoal.udp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
