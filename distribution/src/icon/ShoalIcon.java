import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes Shoal's icon, shoal.svg and shoal.png (256 px), from one description of its shapes, so the two
 * never drift apart: three fish (a shoal) swimming right over a blue tile, a wave below them.
 * Not part of the build; the outputs are committed. Run it after changing the design:
 * {@code java -Djava.awt.headless=true distribution/src/icon/ShoalIcon.java distribution/src/main/resources/dev/shoal/boot}
 */
public final class ShoalIcon {

    private static final int SIZE = 256;
    private static final String TOP = "#4fc3f7";
    private static final String BOTTOM = "#0d47a1";
    private static final String FISH = "#ffffff";
    private static final String EYE = "#0d47a1";
    private static final String WAVE = "#b3e5fc";

    /** Each fish: centre x, centre y, scale. */
    private static final double[][] FISHES = {{150, 74, 1.0}, {94, 124, 0.85}, {168, 166, 0.9}};

    // One fish at scale 1, facing right, around (0, 0): an oval body, a forked tail, an eye.
    private static final double BODY_RX = 40, BODY_RY = 20, EYE_X = 22, EYE_Y = -5, EYE_R = 4.5;
    private static final double[][] TAIL = {{-32, 0}, {-62, -22}, {-54, 0}, {-62, 22}};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("shoal.svg"), svg(), StandardCharsets.UTF_8);
        ImageIO.write(png(), "png", dir.resolve("shoal.png").toFile());
    }

    private static String svg() {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Shoal's icon; written by distribution/src/icon/ShoalIcon.java with shoal.png. -->\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n")
                .append("  <defs>\n    <linearGradient id=\"water\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">\n")
                .append("      <stop offset=\"0\" stop-color=\"" + TOP + "\"/>\n")
                .append("      <stop offset=\"1\" stop-color=\"" + BOTTOM + "\"/>\n")
                .append("    </linearGradient>\n  </defs>\n")
                .append("  <rect x=\"12\" y=\"12\" width=\"232\" height=\"232\" rx=\"52\" fill=\"url(#water)\"/>\n")
                .append("  <path d=\"M 44 206 Q 86 184 128 206 Q 170 228 212 206\" fill=\"none\" stroke=\"" + WAVE
                        + "\" stroke-width=\"10\" stroke-linecap=\"round\"/>\n");
        for (double[] f : FISHES) {
            out.append(String.format(Locale.ROOT, "  <g transform=\"translate(%s %s) scale(%s)\">%n", n(f[0]), n(f[1]), n(f[2])))
                    .append(String.format(Locale.ROOT, "    <path d=\"M %s %s L %s %s L %s %s L %s %s Z\" fill=\"%s\"/>%n",
                            n(TAIL[0][0]), n(TAIL[0][1]), n(TAIL[1][0]), n(TAIL[1][1]), n(TAIL[2][0]), n(TAIL[2][1]),
                            n(TAIL[3][0]), n(TAIL[3][1]), FISH))
                    .append(String.format(Locale.ROOT, "    <ellipse rx=\"%s\" ry=\"%s\" fill=\"%s\"/>%n", n(BODY_RX), n(BODY_RY), FISH))
                    .append(String.format(Locale.ROOT, "    <circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>%n", n(EYE_X), n(EYE_Y), n(EYE_R), EYE))
                    .append("  </g>\n");
        }
        return out.append("</svg>\n").toString();
    }

    private static BufferedImage png() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setPaint(new GradientPaint(0, 12, Color.decode(TOP), 0, 244, Color.decode(BOTTOM)));
        g.fill(new RoundRectangle2D.Double(12, 12, 232, 232, 104, 104));
        g.setColor(Color.decode(WAVE));
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double wave = new Path2D.Double();
        wave.append(new QuadCurve2D.Double(44, 206, 86, 184, 128, 206), false);
        wave.append(new QuadCurve2D.Double(128, 206, 170, 228, 212, 206), true);
        g.draw(wave);
        for (double[] f : FISHES) {
            AffineTransform saved = g.getTransform();
            g.translate(f[0], f[1]);
            g.scale(f[2], f[2]);
            Path2D.Double tail = new Path2D.Double();
            tail.moveTo(TAIL[0][0], TAIL[0][1]);
            for (int i = 1; i < TAIL.length; i++) {
                tail.lineTo(TAIL[i][0], TAIL[i][1]);
            }
            tail.closePath();
            g.setColor(Color.decode(FISH));
            g.fill(tail);
            g.fill(new Ellipse2D.Double(-BODY_RX, -BODY_RY, 2 * BODY_RX, 2 * BODY_RY));
            g.setColor(Color.decode(EYE));
            g.fill(new Ellipse2D.Double(EYE_X - EYE_R, EYE_Y - EYE_R, 2 * EYE_R, 2 * EYE_R));
            g.setTransform(saved);
        }
        g.dispose();
        return image;
    }

    private static String n(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
