package dev.shoal.ui.swt.internal.window;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.eclipse.swt.widgets.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a window's title as written. SWT on GTK pads every title with spaces (to at least six
 * characters, and always one more: a workaround for window managers of GTK 1's day that drew garbage
 * after short titles), so "Shoal" reached task lists, window switchers and window-manager tools as
 * "Shoal␣␣". On GTK the title is set again, unpadded, through SWT's own GTK binding; anywhere else, or
 * should SWT's internals change, SWT's title stays (padded, still readable).
 */
public final class ShellTitles {

    private static final Logger LOG = LoggerFactory.getLogger(ShellTitles.class);
    private static final GtkTitle GTK = GtkTitle.find();

    private ShellTitles() {
    }

    /** On the display thread. {@link Shell#getText()} answers {@code title} either way. */
    public static void set(Shell shell, String title) {
        shell.setText(title);
        if (GTK != null) {
            GTK.set(shell, title);
        }
    }

    /** SWT's {@code GTK.gtk_window_set_title} and the shell's GTK window handle, when this SWT is GTK's. */
    private record GtkTitle(Method setTitle, Field shellHandle) {

        static GtkTitle find() {
            try {
                Class<?> gtk = Class.forName("org.eclipse.swt.internal.gtk.GTK", false, Shell.class.getClassLoader());
                Method setTitle = gtk.getMethod("gtk_window_set_title", long.class, byte[].class);
                Field handle = Shell.class.getDeclaredField("shellHandle");
                handle.setAccessible(true);
                return new GtkTitle(setTitle, handle);
            } catch (ClassNotFoundException e) {
                return null; // Windows or macOS: their titles are not padded
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.debug("window titles stay as SWT pads them: {}", e.toString());
                return null;
            }
        }

        void set(Shell shell, String title) {
            try {
                byte[] utf8 = (title + '\0').getBytes(StandardCharsets.UTF_8);
                setTitle.invoke(null, shellHandle.getLong(shell), utf8);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("window title left as SWT set it: {}", e.toString());
            }
        }
    }
}
