package dev.earshot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @TempDir
    Path dir;

    @Test
    void theConfusionMatrixIsDrawnWithOneCellPerLabelPair() throws Exception {
        Scoreboard board = new Scoreboard(List.of("on", "off", "_silence_"));
        board.add("on", "on");
        board.add("off", "on");
        Path png = dir.resolve("confusion.png");

        ConfusionPlot.write(board, "test", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(110 + 3 * 48 + 20, image.getWidth());
        // the cell on/on holds every 'on' clip: the darkest blue
        int rgb = image.getRGB(110 + 5, 140 + 5) & 0xffffff;
        assertEquals(0x0000ff, rgb);
        assertNotEquals(0xffffff, image.getRGB(110 + 5, 140 + 48 + 5) & 0xffffff, "off → on is shaded red");
    }

    @Test
    void aDetCurveIsWrittenAsAPicture() throws Exception {
        Path png = dir.resolve("det.png");
        DetPlot.write(List.of(new DetPlot.Point(0.5, 0.02, 3.0), new DetPlot.Point(0.9, 0.08, 0.5)), "test", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(720, image.getWidth());
        assertEquals(520, image.getHeight());
    }
}
