package dev.shoal.udp.internal;

import dev.shoal.udp.api.DatagramHandler;

/**
 * The port's table of {@link DatagramHandler}s, as an internal service the {@link HandlerWhiteboard}
 * fills. The port itself does not track handlers: see {@link HandlerWhiteboard} for why.
 */
public interface DatagramDispatch {

    /** Adds {@code handler} (again: moved) at {@code order}; ties are asked in {@code tieBreak} order. */
    void add(DatagramHandler handler, int order, long tieBreak, String name);

    void remove(DatagramHandler handler);
}
