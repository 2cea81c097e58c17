package dev.shoal.ui.swt.internal;

/** The desktop's settings from the PID {@value DesktopComponent#PID}, checked. */
public record Settings(boolean closeToTray, boolean notifyOnCompletion, int refreshMillis, int speedGraphMinutes,
        boolean toolbarText) {

    public static final Settings DEFAULT = new Settings(true, true, 1000, 10, false);

    public Settings {
        if (refreshMillis < 250 || refreshMillis > 10_000) {
            throw new IllegalArgumentException("refreshMillis must be 250..10000, not " + refreshMillis);
        }
        if (speedGraphMinutes < 1 || speedGraphMinutes > 1440) {
            throw new IllegalArgumentException("speedGraphMinutes must be 1..1440, not " + speedGraphMinutes);
        }
    }
}
