package dev.aragent.voicebridge;

/**
 * G.711 μ-law, the 8 kHz telephone encoding Twilio's Media Streams carry (one byte per sample, 160 bytes per 20 ms
 * frame), and the sample-rate conversions around it: synthesizers speak at 22,050 Hz, recognizers listen at 16 kHz.
 */
public final class MuLaw {
    /** Samples per second on the wire. */
    public static final int RATE = 8000;
    /** Samples in one 20 ms frame. */
    public static final int FRAME = 160;

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] DECODE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xff;
            int t = ((u & 0x0f) << 3) + BIAS;
            t <<= (u & 0x70) >> 4;
            DECODE[i] = (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
        }
    }

    private MuLaw() {}

    public static byte encode(short sample) {
        int s = sample;
        int sign = (s >> 8) & 0x80;
        if (sign != 0) {
            s = -s;
        }
        s = Math.min(s, CLIP) + BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (s >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static short decode(byte b) {
        return DECODE[b & 0xff];
    }

    public static byte[] encode(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = encode(pcm[i]);
        }
        return out;
    }

    public static short[] decode(byte[] ulaw) {
        short[] out = new short[ulaw.length];
        for (int i = 0; i < ulaw.length; i++) {
            out[i] = decode(ulaw[i]);
        }
        return out;
    }

    /**
     * {@code pcm} at {@code from} Hz as {@code to} Hz: low-pass filtered below the lower Nyquist frequency (a
     * Hann-windowed sinc, so no aliasing when going down) and interpolated. The kernel is tabulated once per call.
     */
    public static short[] resample(short[] pcm, int from, int to) {
        if (from == to || pcm.length == 0) {
            return pcm.clone();
        }
        double ratio = (double) to / from;
        double cutoff = Math.min(1.0, ratio) * 0.95; // of the input's Nyquist frequency
        double width = 12 / Math.min(1.0, ratio); // half the kernel, in input samples
        int steps = 64; // table entries per input sample
        double[] kernel = new double[(int) Math.ceil(width * steps) + 2];
        for (int j = 0; j < kernel.length; j++) {
            double x = (double) j / steps;
            kernel[j] = x > width ? 0 : cutoff * sinc(cutoff * x) * (0.5 + 0.5 * Math.cos(Math.PI * x / width));
        }
        int n = (int) Math.floor(pcm.length * ratio);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double centre = i / ratio;
            int lo = Math.max((int) Math.ceil(centre - width), 0);
            int hi = Math.min((int) Math.floor(centre + width), pcm.length - 1);
            double sum = 0;
            double weights = 0;
            for (int k = lo; k <= hi; k++) {
                double w = kernel[(int) Math.round(Math.abs(k - centre) * steps)];
                sum += w * pcm[k];
                weights += w;
            }
            double v = weights == 0 ? 0 : sum / weights;
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return out;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Loudness of a frame in dB below full scale (silence about -90, speech about -40 to -15). */
    public static double level(short[] frame) {
        if (frame.length == 0) {
            return -96;
        }
        double sum = 0;
        for (short s : frame) {
            sum += (double) s * s;
        }
        double rms = Math.sqrt(sum / frame.length);
        return rms < 1 ? -96 : 20 * Math.log10(rms / 32768.0);
    }
}
