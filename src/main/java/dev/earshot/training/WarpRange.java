package dev.earshot.training;

import dev.earshot.EarshotException;
import java.util.SplittableRandom;

/**
 * The frequency warps of the filterbank a training variant is heard with, drawn uniformly from
 * {@code lowest} to {@code highest}: vocal tract length perturbation, another speaker's formants at
 * the same tempo. {@link #NONE} (1 to 1) leaves every variant unwarped.
 */
public record WarpRange(double lowest, double highest) {

    public static final WarpRange NONE = new WarpRange(1, 1);

    public WarpRange {
        if (!(lowest > 0.5 && lowest <= highest && highest < 2)) {
            throw new EarshotException("warp range " + lowest + "-" + highest + ": needs 0.5 < lowest <= highest < 2");
        }
    }

    double draw(SplittableRandom random) {
        return lowest == highest ? lowest : random.nextDouble(lowest, highest);
    }
}
