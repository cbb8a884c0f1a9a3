import type { IkmBand, IkmView, SkmElement } from '@loket/shared';

/**
 * The public satisfaction index (IKM) as PermenPAN-RB No. 14 Tahun 2017 (Pedoman Penyusunan
 * Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik), Lampiran, computes it:
 * - each element's average perception value (NRR) = the sum of its scores / the answers to it;
 * - the weighted average: each answered element weighs the same, 1 / the number of elements
 *   (the regulation's "nilai penimbang"), so IKM = Σ NRR × 1/n, on the 1–4 scale;
 * - the index converted to the 25–100 scale: IKM × 25;
 * - the quality band from the published intervals of the converted index (and of IKM):
 *   A 88.31–100.00 (3.5324–4.00, sangat baik), B 76.61–88.30 (3.0644–3.532, baik),
 *   C 65.00–76.60 (2.60–3.064, kurang baik), D 25.00–64.99 (1.00–2.5996, tidak baik).
 *   The converted index, to two decimals as it is published, decides: the intervals of IKM
 *   leave gaps (3.532–3.5324…) that its conversion closes.
 * Elements nobody answered (the short form leaves some out) do not count towards n.
 */

/** The answers to one element: the sum of its scores and how many there were. */
export interface ElementAnswers {
  element: SkmElement;
  total: number;
  count: number;
}

/** The index and what it is made of. */
export interface Ikm {
  /** Each answered element's average (NRR), 1–4. */
  averages: Partial<Record<SkmElement, number>>;
  /** The weighted average on the 1–4 scale. */
  value: number;
  /** The index on the 25–100 scale, rounded to two decimals as published. */
  index: number;
  band: IkmBand;
}

/** Lower bounds of the bands on the converted 25–100 scale, best first. */
const BANDS: readonly (readonly [IkmBand, number])[] = [
  ['A', 88.31],
  ['B', 76.61],
  ['C', 65],
  ['D', 25],
];

/** The band a converted index (25–100, two decimals) falls in. */
export function ikmBand(index: number): IkmBand {
  return BANDS.find(([, from]) => index >= from)?.[0] ?? 'D';
}

/** The index over the answers given; null when no element has an answer. */
export function computeIkm(answers: readonly ElementAnswers[]): Ikm | null {
  const averages: Partial<Record<SkmElement, number>> = {};
  for (const { element, total, count } of answers) {
    if (count > 0) averages[element] = total / count;
  }
  const values = Object.values(averages);
  if (values.length === 0) return null;
  const weight = 1 / values.length;
  const value = values.reduce((sum, average) => sum + average * weight, 0);
  const index = Math.round(value * 25 * 100) / 100;
  return { averages, value, index, band: ikmBand(index) };
}

/** The index as the dashboard and reports show it, with how many surveys it rests on. */
export function ikmView(answers: readonly ElementAnswers[], respondents: number): IkmView | null {
  const ikm = computeIkm(answers);
  return ikm && respondents > 0 ? { index: ikm.index, band: ikm.band, respondents } : null;
}
