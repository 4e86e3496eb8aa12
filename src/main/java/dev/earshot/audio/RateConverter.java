package dev.earshot.audio;

import be.tarsos.dsp.resample.Resampler;

/**
 * Converts samples from one rate to another with TarsosDSP's band-limited interpolator, so that
 * downsampling does not alias.
 *
 * <p>Building the interpolator's filter table takes about three times as long as converting a
 * second of audio (3–4 ms against 1 ms on a 2-core PC), and the second look pays for four
 * conversions on every detection. So a converter builds the table once and works on a copy of
 * that untouched interpolator each time: the copy starts from the same fresh state, so each call
 * gives exactly what a new interpolator would.
 */
public final class RateConverter {

    private final double factor;
    private final Resampler untouched;

    /** A converter from {@code fromRate}; rates that round to {@code toRate} are left as they are. */
    public RateConverter(float fromRate, int toRate) {
        this.factor = toRate / (double) fromRate;
        this.untouched = sameRate(fromRate, toRate) ? null : new Resampler(true, factor, factor);
    }

    /**
     * Converts samples heard once (a file read, a training clip at a drawn speed): the table is
     * built for them and used as it is, with no copy to keep it untouched.
     */
    public static float[] once(float[] samples, float fromRate, int toRate) {
        if (sameRate(fromRate, toRate)) {
            return samples;
        }
        double factor = toRate / (double) fromRate;
        return convert(new Resampler(true, factor, factor), factor, samples);
    }

    /** The samples at the new rate: as many as the same duration holds, rounded. */
    public float[] convert(float[] samples) {
        if (untouched == null) {
            return samples;
        }
        return convert(new Resampler(untouched), factor, samples);
    }

    private static boolean sameRate(float fromRate, int toRate) {
        return Math.round(fromRate) == toRate;
    }

    private static float[] convert(Resampler fresh, double factor, float[] samples) {
        int expected = (int) Math.round(samples.length * factor);
        float[] out = new float[expected + fresh.getFilterWidth() + 16];
        Resampler.Result result = fresh.process(factor, samples, 0, samples.length, true, out, 0, out.length);
        float[] exact = new float[expected];
        System.arraycopy(out, 0, exact, 0, Math.min(expected, result.outputSamplesGenerated));
        return exact;
    }
}
