import { describe, expect, test } from 'vitest';
import { wordErrorRate } from './word-error-rate.js';

describe('word error rate', () => {
  test.each([
    { said: 'saya ingin membuat kartu', heard: 'saya ingin membuat kartu', rate: 0 },
    { said: 'Selamat pagi, saya ingin.', heard: 'selamat PAGI saya ingin', rate: 0 },
    { said: 'saya ingin membuat kartu', heard: 'saya hingin membuat kartu', rate: 0.25 },
    { said: 'saya ingin membuat kartu', heard: 'saya membuat kartu', rate: 0.25 },
    { said: 'saya ingin membuat kartu', heard: 'saya ingin membuat kartu baru', rate: 0.25 },
    { said: 'kartu keluarga', heard: 'kartu ke luarga', rate: 1 },
    { said: 'kata-kata', heard: 'kata kata', rate: 0 },
    { said: 'saya ingin', heard: '', rate: 1 },
    { said: '', heard: '', rate: 0 },
    { said: '', heard: 'terima kasih', rate: 1 },
  ])('"$heard" for "$said" is $rate', ({ said, heard, rate }) => {
    expect(wordErrorRate(said, heard)).toBeCloseTo(rate, 10);
  });
});
