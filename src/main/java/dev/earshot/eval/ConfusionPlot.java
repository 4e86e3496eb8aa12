package dev.earshot.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws a scoreboard's confusion matrix, each row shaded by the share of its clips. */
public final class ConfusionPlot {

    private static final int CELL = 48;
    private static final int MARGIN = 110;

    private ConfusionPlot() {
    }

    public static void write(Scoreboard board, String title, Path png) throws IOException {
        List<String> labels = board.labels();
        int n = labels.size();
        int size = MARGIN + n * CELL + 20;
        BufferedImage image = new BufferedImage(size, size + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("rows: true label; columns: predicted", 10, 40);
        int top = MARGIN + 30;
        for (int t = 0; t < n; t++) {
            long rowTotal = board.clipsOf(labels.get(t));
            for (int p = 0; p < n; p++) {
                long count = board.count(labels.get(t), labels.get(p));
                double share = rowTotal == 0 ? 0 : count / (double) rowTotal;
                int shade = (int) Math.round(255 * (1 - Math.sqrt(share)));
                g.setColor(t == p ? new Color(shade, shade, 255) : new Color(255, shade, shade));
                g.fillRect(MARGIN + p * CELL, top + t * CELL, CELL, CELL);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String text = String.valueOf(count);
                FontMetrics metrics = g.getFontMetrics();
                g.drawString(text, MARGIN + p * CELL + (CELL - metrics.stringWidth(text)) / 2, top + t * CELL + CELL / 2 + 4);
            }
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s", labels.get(t)), 10, top + t * CELL + CELL / 2 + 4);
        }
        for (int p = 0; p < n; p++) {
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.translate(MARGIN + p * CELL + CELL / 2 + 4, top - 6);
            rotated.rotate(-Math.PI / 2);
            rotated.drawString(labels.get(p), 0, 0);
            rotated.dispose();
        }
        g.setColor(Color.GRAY);
        g.drawRect(MARGIN, top, n * CELL, n * CELL);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
