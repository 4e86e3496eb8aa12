package dev.earshot.training;

import dev.earshot.EarshotException;
import java.util.SplittableRandom;

/**
 * The speeds a training variant is played at, drawn uniformly from {@code slowest} to {@code fastest}
 * (1 as recorded). A change of speed also moves the formants, as another speaker's voice does.
 */
public record SpeedRange(double slowest, double fastest) {

    public SpeedRange {
        if (!(slowest > 0 && slowest < fastest)) {
            throw new EarshotException("speed range " + slowest + "-" + fastest + ": needs 0 < slowest < fastest");
        }
    }

    double draw(SplittableRandom random) {
        return random.nextDouble(slowest, fastest);
    }
}
