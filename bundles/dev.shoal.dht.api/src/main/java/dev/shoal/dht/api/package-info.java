/**
 * What Shoal's DHT node shows of itself: the {@link dev.shoal.dht.api.Dht} service hands out a
 * {@link dev.shoal.dht.api.DhtStatus} snapshot, the figures {@code shoal:dht} prints, for the
 * desktop's status bar and anything else that reads them.
 */
@Export
@Version("1.0.0")
package dev.shoal.dht.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
