#!/usr/bin/python3
"""Reference MFCC values for FixedMfccTest, computed independently of Java and TarsosDSP with numpy.

Run from this folder: /usr/bin/python3 make_reference.py
Writes mfcc-input.wav (one second: two tones, a chirp and seeded noise, 16 kHz mono 16-bit) and
mfcc-reference.csv (one row per frame, coefficients separated by commas).

Definition (Earshot's default feature settings): 512-sample frames every 320 samples, symmetric
Hamming window, power spectrum |X[k]|^2 for k = 0..256, 40 triangular filters between mel-spaced
edges from 60 to 7600 Hz (mel = 2595 log10(1 + f/700)), natural log floored at 1e-10, and the
unnormalised DCT-II c[i] = sum_j log E[j] cos(pi i (j + 0.5) / 40), keeping 20 coefficients.
"""
import wave

import numpy as np

RATE, FRAME, HOP, BANDS, COEFFS, LOW, HIGH = 16000, 512, 320, 40, 20, 60.0, 7600.0


def signal():
    t = np.arange(RATE) / RATE
    rng = np.random.default_rng(7)
    x = 0.3 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 1800 * t)
    x += 0.2 * np.sin(2 * np.pi * (200 + 3000 * t) * t) + 0.05 * rng.standard_normal(RATE)
    x[RATE // 2: RATE // 2 + 2000] = 0  # a silent stretch exercises the log floor
    return np.round(np.clip(x, -1, 1) * 32767).astype(np.int16)


def mel(f):
    return 2595 * np.log10(1 + f / 700)


def hz(m):
    return 700 * (10 ** (m / 2595) - 1)


def mfcc(samples):
    edges = hz(np.linspace(mel(LOW), mel(HIGH), BANDS + 2))
    freqs = np.arange(FRAME // 2 + 1) * RATE / FRAME
    filters = np.zeros((BANDS, len(freqs)))
    for b in range(BANDS):
        left, centre, right = edges[b:b + 3]
        rising = (freqs - left) / (centre - left)
        falling = (right - freqs) / (right - centre)
        filters[b] = np.clip(np.where(freqs <= centre, rising, falling), 0, None)
        filters[b][(freqs < left) | (freqs > right)] = 0
    dct = np.cos(np.pi * np.outer(np.arange(COEFFS), np.arange(BANDS) + 0.5) / BANDS)
    window = np.hamming(FRAME)
    rows = []
    for start in range(0, len(samples) - FRAME + 1, HOP):
        power = np.abs(np.fft.rfft(samples[start:start + FRAME] * window)) ** 2
        rows.append(dct @ np.log(np.maximum(filters @ power, 1e-10)))
    return np.array(rows)


def main():
    pcm = signal()
    with wave.open("mfcc-input.wav", "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    np.savetxt("mfcc-reference.csv", mfcc(pcm / 32768.0), delimiter=",", fmt="%.6f")


if __name__ == "__main__":
    main()
