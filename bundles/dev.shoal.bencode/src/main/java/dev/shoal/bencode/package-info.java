/**
 * BEP 3 bencoding.
 *
 * <p>A library package: immutable values ({@link dev.shoal.bencode.BValue} and its four kinds) and
 * the pure functions that read and write them ({@link dev.shoal.bencode.BencodeDecoder},
 * {@link dev.shoal.bencode.BencodeEncoder}). It holds no state, so it is shared as a package rather
 * than a service.
 */
@Export
@Version("1.1.0")
package dev.shoal.bencode;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
