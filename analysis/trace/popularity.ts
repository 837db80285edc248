// Key popularity: the share of the most accessed keys, and the zipfian constant that best
// explains the accesses by rank (maximum likelihood: P(rank r) = r^-θ / H(N, θ) over the N
// distinct keys seen), with its goodness of fit as the total variation distance between the
// accesses' rank frequencies and the fitted law.

/** Per-key access counts sorted, most accessed first. */
export function byRank(counts: Uint32Array): Uint32Array {
  return counts.slice().sort().reverse();
}

/** The share of accesses on the most accessed `fraction` of keys (at least one key). */
export function topShare(ranked: Uint32Array, fraction: number): number {
  const k = Math.max(1, Math.ceil(ranked.length * fraction));
  let top = 0;
  let all = 0;
  for (let i = 0; i < ranked.length; i++) {
    const c = ranked[i] as number;
    all += c;
    if (i < k) top += c;
  }
  return all === 0 ? 0 : top / all;
}

export interface ZipfFit {
  readonly theta: number;
  /** Total variation distance between the rank frequencies and the fitted law: 0 a perfect fit, 1 none. */
  readonly totalVariation: number;
}

const THETA_MAX = 3;
const TOLERANCE = 1e-4;

function harmonic(n: number, theta: number): number {
  let h = 0;
  for (let r = n; r >= 1; r--) h += Math.pow(r, -theta);
  return h;
}

export function fitZipf(ranked: Uint32Array): ZipfFit {
  const n = ranked.length;
  let total = 0;
  let sumLog = 0;
  for (let r = 1; r <= n; r++) {
    const c = ranked[r - 1] as number;
    total += c;
    sumLog += c * Math.log(r);
  }
  // The log-likelihood per access, -θ·mean(log r) - log H(N, θ), is concave in θ: golden-section search.
  const meanLog = sumLog / total;
  const ll = (theta: number): number => -theta * meanLog - Math.log(harmonic(n, theta));
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = THETA_MAX;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = ll(a);
  let fb = ll(b);
  while (hi - lo > TOLERANCE) {
    if (fa < fb) {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = ll(b);
    } else {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = ll(a);
    }
  }
  const theta = (lo + hi) / 2;
  const h = harmonic(n, theta);
  let tv = 0;
  for (let r = 1; r <= n; r++) tv += Math.abs((ranked[r - 1] as number) / total - Math.pow(r, -theta) / h);
  return { theta, totalVariation: tv / 2 };
}
