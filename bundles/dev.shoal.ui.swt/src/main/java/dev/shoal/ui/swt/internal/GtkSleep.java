package dev.shoal.ui.swt.internal;

import java.lang.reflect.Method;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;

/**
 * The event loop's wait on GTK, without SWT's wake-up every 50 ms. SWT's {@code Display.sleep()}
 * on GTK polls GLib's file descriptors with at most 50 ms (a work-around from old GTK), so an idle
 * window still woke 20 times a second: 0.13 CPU-s a minute, more than all of Shoal's other rest.
 * This does what that loop does once (prepare, query, poll, check the default main context) with
 * GLib's own timeout, which is infinite when no timer is due: it returns when the X server sends
 * an event, a timer falls due, or another thread wakes the display ({@code asyncExec} and
 * {@code wake} call {@code g_main_context_wakeup}, whose descriptor is among those polled). It
 * dispatches nothing: the loop's {@code readAndDispatch} does. SWT's GTK internals are reached
 * by reflection, so the bundle resolves on every platform; elsewhere, or should they change, the
 * loop keeps {@code Display.sleep()} (Windows and macOS block without waking on their own).
 * Display thread only.
 */
final class GtkSleep {

    private final Method contextDefault;
    private final Method acquire;
    private final Method prepare;
    private final Method query;
    private final Method pollFunction;
    private final Method call;
    private final Method check;
    private final Method release;
    private final Method malloc;
    private final Method free;
    private final int pollFdSize;
    private final int[] priority = new int[1];
    private final int[] timeout = new int[1];
    private long fds;
    private int allocated;

    private GtkSleep(Class<?> os) throws ReflectiveOperationException {
        contextDefault = method(os, "g_main_context_default");
        acquire = method(os, "g_main_context_acquire", long.class);
        prepare = method(os, "g_main_context_prepare", long.class, int[].class);
        query = method(os, "g_main_context_query", long.class, int.class, int[].class, long.class, int.class);
        pollFunction = method(os, "g_main_context_get_poll_func", long.class);
        call = method(os, "Call", long.class, long.class, int.class, int.class);
        check = method(os, "g_main_context_check", long.class, int.class, long.class, int.class);
        release = method(os, "g_main_context_release", long.class);
        malloc = method(os, "g_malloc", long.class);
        free = method(os, "g_free", long.class);
        pollFdSize = (int) method(os, "GPollFD_sizeof").invoke(null);
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method method = type.getMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    /** On GTK with the internals this needs; empty elsewhere. */
    static Optional<GtkSleep> of(Display display) {
        if (!"gtk".equals(SWT.getPlatform())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GtkSleep(Class.forName("org.eclipse.swt.internal.gtk.OS", true,
                    display.getClass().getClassLoader())));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Waits until GLib has something for {@code readAndDispatch}; false when it could not (then sleep as SWT does). */
    boolean sleep() {
        try {
            long context = (long) contextDefault.invoke(null);
            if (!(boolean) acquire.invoke(null, context)) {
                return false; // another thread owns the context: SWT's own sleep knows what to do
            }
            try {
                boolean ready = (boolean) prepare.invoke(null, context, priority);
                int count = query(context);
                long poll = (long) pollFunction.invoke(null, context);
                if (!ready && poll != 0 && (count > 0 || timeout[0] != 0)) {
                    call.invoke(null, poll, fds, count, timeout[0]);
                }
                check.invoke(null, context, priority[0], fds, count);
            } finally {
                release.invoke(null, context);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private int query(long context) throws ReflectiveOperationException {
        if (fds == 0) {
            allocate(2);
        }
        int count;
        while ((count = (int) query.invoke(null, context, priority[0], timeout, fds, allocated)) > allocated) {
            free.invoke(null, fds);
            allocate(count);
        }
        return count;
    }

    private void allocate(int count) throws ReflectiveOperationException {
        allocated = count;
        fds = (long) malloc.invoke(null, (long) pollFdSize * count);
    }

    /** Frees the descriptors' buffer; the display is going. */
    void dispose() {
        if (fds != 0) {
            try {
                free.invoke(null, fds);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Nothing more to do: the process keeps a few bytes.
            }
            fds = 0;
        }
    }
}
