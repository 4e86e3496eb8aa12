package dev.earshot.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a DET curve: miss rate against false accepts per hour, one point per threshold.
 */
public final class DetPlot {

    /** One operating point of the detector. */
    public record Point(double threshold, double missRate, double falseAcceptsPerHour) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private DetPlot() {
    }

    public static void write(List<Point> points, String title, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxFa = Math.max(2, points.stream().mapToDouble(Point::falseAcceptsPerHour).max().orElse(2) * 1.1);
        double maxMiss = Math.max(0.1, points.stream().mapToDouble(Point::missRate).max().orElse(0.1) * 1.1);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(225, 225, 225));
        for (int i = 0; i <= 5; i++) {
            int x = LEFT + plotW * i / 5;
            int y = TOP + plotH * i / 5;
            g.drawLine(x, TOP, x, TOP + plotH);
            g.drawLine(LEFT, y, LEFT + plotW, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (int i = 0; i <= 5; i++) {
            int x = LEFT + plotW * i / 5;
            int y = TOP + plotH - plotH * i / 5;
            g.drawString(String.format(Locale.ROOT, "%.1f", maxFa * i / 5), x - 10, TOP + plotH + 18);
            g.drawString(String.format(Locale.ROOT, "%.1f%%", 100 * maxMiss * i / 5), LEFT - 55, y + 4);
        }
        g.drawString("false accepts per hour", LEFT + plotW / 2 - 60, HEIGHT - 25);
        g.rotate(-Math.PI / 2);
        g.drawString("miss rate (misses + wrong commands)", -(TOP + plotH / 2 + 100), 20);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, 30);

        g.setColor(new Color(30, 90, 200));
        g.setStroke(new BasicStroke(2f));
        int[] xs = new int[points.size()];
        int[] ys = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            xs[i] = LEFT + (int) Math.round(plotW * p.falseAcceptsPerHour() / maxFa);
            ys[i] = TOP + plotH - (int) Math.round(plotH * p.missRate() / maxMiss);
        }
        g.drawPolyline(xs, ys, xs.length);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int i = 0; i < points.size(); i++) {
            g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
            g.drawString(String.format(Locale.ROOT, "%.2f", points.get(i).threshold()), xs[i] + 5, ys[i] - 5);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
