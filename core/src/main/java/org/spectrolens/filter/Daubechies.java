package org.spectrolens.filter;

/**
 * The orthogonal Daubechies wavelets db1 (Haar) to db8 and their discrete wavelet transform with
 * symmetric (half-sample) extension, as PyWavelets computes it ({@code pywt.dwt(x, 'dbN',
 * mode='symmetric')} and {@code pywt.idwt}), so the decompositions match PyWavelets coefficient for
 * coefficient. No maintained Apache-compatible JVM wavelet library was found (JWave is unreleased on
 * Maven Central); the transform is a few lines.
 *
 * <p>The filters are PyWavelets' decomposition low-pass {@code dec_lo}; the others follow:
 * {@code rec_lo = reverse(dec_lo)}, {@code rec_hi[k] = (-1)^k dec_lo[k]}, {@code dec_hi = reverse(rec_hi)}.
 */
public enum Daubechies {
  DB1(0.7071067811865476, 0.7071067811865476),
  DB2(-0.12940952255126037, 0.2241438680420134, 0.8365163037378079, 0.48296291314453416),
  DB3(0.03522629188570953, -0.08544127388202666, -0.13501102001025458, 0.45987750211849154, 0.8068915093110925,
      0.33267055295008263),
  DB4(-0.010597401785069032, 0.0328830116668852, 0.030841381835560764, -0.18703481171909309, -0.027983769416859854,
      0.6308807679298589, 0.7148465705529157, 0.2303778133088965),
  DB5(0.0033357252854737712, -0.012580751999081999, -0.006241490212798274, 0.07757149384004572, -0.032244869584638375,
      -0.24229488706638203, 0.13842814590132074, 0.7243085284377729, 0.6038292697971896, 0.16010239797419293),
  DB6(-0.0010773010853084796, 0.004777257510945511, 0.0005538422011614961, -0.03158203931748603, 0.027522865530305727,
      0.09750160558732304, -0.12976686756726194, -0.22626469396543983, 0.31525035170919763, 0.7511339080210954,
      0.49462389039845306, 0.11154074335010947),
  DB7(0.00035371379997452024, -0.0018016407040474908, 0.0004295779729213665, 0.01255099855609984, -0.01657454163066688,
      -0.03802993693501441, 0.08061260915108308, 0.07130921926683026, -0.22403618499387498, -0.14390600392856498,
      0.4697822874051931, 0.7291320908462351, 0.3965393194819173, 0.07785205408500918),
  DB8(-0.00011747678412476953, 0.0006754494064505693, -0.00039174037337694705, -0.004870352993451574,
      0.008746094047405777, 0.013981027917398282, -0.044088253930794755, -0.017369301001807547, 0.12874742662047847,
      0.0004724845739132828, -0.2840155429615469, -0.015829105256349306, 0.5853546836542067, 0.6756307362972898,
      0.31287159091429995, 0.05441584224310401);

  private final double[] decLo;
  private final double[] decHi;
  private final double[] recLo;
  private final double[] recHi;

  Daubechies(double... decLo) {
    int f = decLo.length;
    this.decLo = decLo;
    recLo = new double[f];
    recHi = new double[f];
    decHi = new double[f];
    for (int k = 0; k < f; k++) {
      recLo[k] = decLo[f - 1 - k];
      recHi[k] = (k % 2 == 0 ? 1 : -1) * decLo[k];
    }
    for (int k = 0; k < f; k++) decHi[k] = recHi[f - 1 - k];
  }

  /** Filter length (2N for dbN). */
  public int length() {
    return decLo.length;
  }

  /** PyWavelets' {@code dwt_max_level}: floor(log2(n / (F - 1))), 0 when n < F - 1. */
  public int maxLevel(int n) {
    int f1 = length() - 1;
    if (n < f1) return 0;
    return 31 - Integer.numberOfLeadingZeros(n / f1);
  }

  /** Coefficients per band of a line of n: floor((n + F - 1) / 2). */
  public int coefficients(int n) {
    return (n + length() - 1) / 2;
  }

  /** One level: {approximation, detail}, each {@link #coefficients}(n) long. */
  public double[][] forward(double[] x) {
    int n = x.length;
    int f = length();
    int m = coefficients(n);
    double[] a = new double[m];
    double[] d = new double[m];
    for (int o = 0; o < m; o++) {
      int i = 2 * o + 1;
      double sa = 0;
      double sd = 0;
      for (int j = 0; j < f; j++) {
        double v = x[Boundary.REFLECT.index(i - j, n)];
        sa += decLo[j] * v;
        sd += decHi[j] * v;
      }
      a[o] = sa;
      d[o] = sd;
    }
    return new double[][] {a, d};
  }

  /** Inverse of one level: a line of 2m - F + 2 from m approximation and m detail coefficients. */
  public double[] inverse(double[] a, double[] d) {
    int m = a.length;
    int f = length();
    double[] out = new double[2 * m - f + 2];
    for (int i = f / 2 - 1, o = 0; i < m; i++, o += 2) {
      double even = 0;
      double odd = 0;
      for (int j = 0; j < f / 2; j++) {
        even += recLo[2 * j] * a[i - j] + recHi[2 * j] * d[i - j];
        odd += recLo[2 * j + 1] * a[i - j] + recHi[2 * j + 1] * d[i - j];
      }
      out[o] = even;
      out[o + 1] = odd;
    }
    return out;
  }

  /** One 2-D level: {aa, ad, da, dd} (first letter: rows, i.e. along frequency), as pywt.dwtn's keys. */
  public double[][][] forward2(double[][] x) {
    int rows = x.length;
    int cols = x[0].length;
    // along axis 0 (down each column)
    int mr = coefficients(rows);
    double[][] lo = new double[mr][cols];
    double[][] hi = new double[mr][cols];
    double[] line = new double[rows];
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < rows; r++) line[r] = x[r][c];
      double[][] ad = forward(line);
      for (int r = 0; r < mr; r++) {
        lo[r][c] = ad[0][r];
        hi[r][c] = ad[1][r];
      }
    }
    int mc = coefficients(cols);
    double[][] aa = new double[mr][];
    double[][] ad = new double[mr][];
    double[][] da = new double[mr][];
    double[][] dd = new double[mr][];
    for (int r = 0; r < mr; r++) {
      double[][] l = forward(lo[r]);
      double[][] h = forward(hi[r]);
      aa[r] = l[0];
      ad[r] = l[1];
      da[r] = h[0];
      dd[r] = h[1];
    }
    assert aa[0].length == mc;
    return new double[][][] {aa, ad, da, dd};
  }

  /** Inverse of {@link #forward2}; {@code aa} is cropped to the details' shape first (pywt's _match_coeff_dims). */
  public double[][] inverse2(double[][] aa, double[][] ad, double[][] da, double[][] dd) {
    int mr = ad.length;
    int mc = ad[0].length;
    // along axis 1 first
    double[][] lo = new double[mr][];
    double[][] hi = new double[mr][];
    for (int r = 0; r < mr; r++) {
      double[] a = java.util.Arrays.copyOf(aa[r], mc);
      lo[r] = inverse(a, ad[r]);
      hi[r] = inverse(da[r], dd[r]);
    }
    int cols = lo[0].length;
    int rows = 2 * mr - length() + 2;
    double[][] out = new double[rows][cols];
    double[] a = new double[mr];
    double[] d = new double[mr];
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < mr; r++) {
        a[r] = lo[r][c];
        d[r] = hi[r][c];
      }
      double[] y = inverse(a, d);
      for (int r = 0; r < rows; r++) out[r][c] = y[r];
    }
    return out;
  }
}
