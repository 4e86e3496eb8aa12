package dev.earshot.features;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.mfcc.MFCC;
import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HammingWindow;

/**
 * TarsosDSP's {@link MFCC} with its defects fixed, usable as a drop-in {@code AudioProcessor}.
 *
 * <p>What the parent gets wrong, and what this class does instead:
 * <ul>
 *   <li>{@code calculateFilterBanks} writes the centre bins to indices 0..M-1 of an M+2 array, so the
 *       lower edge is lost and the last filter's centre stays at 0 (upstream issue #166). Here the
 *       M+2 edge frequencies are kept and each filter is a triangle over exact mel-spaced frequencies,
 *       so the narrow low filters never collapse onto one rounded bin.</li>
 *   <li>It filters the magnitude spectrum, and its bin 0 folds in the Nyquist term. Here the filters
 *       weigh the power spectrum |X[k]|² for k = 0..N/2.</li>
 *   <li>It allocates several arrays per frame. Here every buffer is allocated once; only
 *       {@link #getMFCC()} copies, as the parent's contract says.</li>
 * </ul>
 * Each coefficient is the parent's DCT-II of the log filter energies:
 * {@code c[i] = sum_j log(max(E[j], FLOOR)) * cos(pi * i / M * (j + 0.5))}.
 *
 * <p>For training only, the filterbank can be warped along the frequency axis
 * ({@link #FixedMfcc(FeatureSettings, double)}): vocal tract length perturbation, which moves a
 * voice's formants as a longer or shorter vocal tract would, without changing its tempo.
 *
 * <p>Not thread-safe: one instance per audio stream.
 */
public final class FixedMfcc extends MFCC {

    /** Log floor for silent bands; digital silence must not produce -infinity. */
    static final float ENERGY_FLOOR = 1e-10f;

    private final FeatureSettings settings;
    private final FFT fft;
    private final float[] fftBuffer;
    private final float[] power;
    private final float[][] filterWeights;
    private final int[] filterFirstBin;
    private final float[] logEnergies;
    private final float[][] dct;
    private final float[] coefficients;

    public FixedMfcc(FeatureSettings settings) {
        this(settings, 1.0);
    }

    /**
     * @param warp how far the filterbank's frequencies are scaled (1: not at all, the appliance's
     *             front end); see {@link #warped(double, double, double)}
     */
    public FixedMfcc(FeatureSettings settings, double warp) {
        super(settings.frameLength(), settings.sampleRate(), settings.coefficients(), settings.melBands(),
                settings.lowHz(), settings.highHz());
        this.settings = settings;
        int n = settings.frameLength();
        this.fft = new FFT(n, new HammingWindow());
        this.fftBuffer = new float[n];
        this.power = new float[n / 2 + 1];
        this.logEnergies = new float[settings.melBands()];
        this.coefficients = new float[settings.coefficients()];
        this.filterFirstBin = new int[settings.melBands()];
        this.filterWeights = triangularFilters(settings, warp, filterFirstBin);
        this.dct = dctTable(settings.coefficients(), settings.melBands());
    }

    public FeatureSettings settings() {
        return settings;
    }

    /**
     * Computes one MFCC frame.
     *
     * @param frame exactly {@code frameLength} samples in [-1, 1]; left untouched
     * @return the coefficients, in a buffer this instance reuses on the next call
     */
    public float[] compute(float[] frame) {
        System.arraycopy(frame, 0, fftBuffer, 0, fftBuffer.length);
        fft.forwardTransform(fftBuffer);
        powerSpectrum(fftBuffer, power);
        for (int band = 0; band < filterWeights.length; band++) {
            float[] weights = filterWeights[band];
            int first = filterFirstBin[band];
            double energy = 0;
            for (int i = 0; i < weights.length; i++) {
                energy += weights[i] * power[first + i];
            }
            logEnergies[band] = (float) Math.log(Math.max(energy, ENERGY_FLOOR));
        }
        for (int c = 0; c < coefficients.length; c++) {
            float[] basis = dct[c];
            double sum = 0;
            for (int band = 0; band < basis.length; band++) {
                sum += basis[band] * logEnergies[band];
            }
            coefficients[c] = (float) sum;
        }
        return coefficients;
    }

    @Override
    public boolean process(AudioEvent audioEvent) {
        compute(audioEvent.getFloatBuffer());
        return true;
    }

    @Override
    public float[] getMFCC() {
        return coefficients.clone();
    }

    /** TarsosDSP packs a real FFT as re[0], re[N/2], re[1], im[1], re[2], im[2], ... */
    private static void powerSpectrum(float[] packed, float[] power) {
        int half = packed.length / 2;
        power[0] = packed[0] * packed[0];
        power[half] = packed[1] * packed[1];
        for (int k = 1; k < half; k++) {
            float re = packed[2 * k];
            float im = packed[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }

    static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    /**
     * A frequency scaled by {@code warp} up to a knee, then joined linearly to the Nyquist frequency,
     * so that no filter leaves the spectrum (the piecewise-linear warp of VTLN, as in Kaldi).
     */
    static double warped(double hz, double warp, double nyquist) {
        if (warp == 1.0) {
            return hz;
        }
        double knee = 0.8 * nyquist / Math.max(warp, 1.0);
        if (hz <= knee) {
            return hz * warp;
        }
        return knee * warp + (nyquist - knee * warp) * (hz - knee) / (nyquist - knee);
    }

    /** Triangles between M+2 mel-spaced edges, each stored as its non-zero span of bins. */
    private static float[][] triangularFilters(FeatureSettings s, double warp, int[] firstBin) {
        int bands = s.melBands();
        double lowMel = hzToMel(s.lowHz());
        double highMel = hzToMel(s.highHz());
        double[] edgesHz = new double[bands + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            edgesHz[i] = warped(melToHz(lowMel + (highMel - lowMel) * i / (bands + 1)), warp, s.sampleRate() / 2.0);
        }
        double binHz = (double) s.sampleRate() / s.frameLength();
        int bins = s.frameLength() / 2 + 1;
        float[][] filters = new float[bands][];
        for (int band = 0; band < bands; band++) {
            double left = edgesHz[band];
            double centre = edgesHz[band + 1];
            double right = edgesHz[band + 2];
            int first = (int) Math.ceil(left / binHz);
            int last = Math.min(bins - 1, (int) Math.floor(right / binHz));
            float[] weights = new float[Math.max(0, last - first + 1)];
            for (int k = first; k <= last; k++) {
                double hz = k * binHz;
                double w = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
                weights[k - first] = (float) Math.max(0.0, w);
            }
            firstBin[band] = first;
            filters[band] = weights;
        }
        return filters;
    }

    private static float[][] dctTable(int coefficients, int bands) {
        float[][] table = new float[coefficients][bands];
        for (int i = 0; i < coefficients; i++) {
            for (int j = 0; j < bands; j++) {
                table[i][j] = (float) Math.cos(Math.PI * i / bands * (j + 0.5));
            }
        }
        return table;
    }
}
