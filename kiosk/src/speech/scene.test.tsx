import { render } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { readScene } from './scene';

describe('what audio guidance reads from the screen', () => {
  test('takes the screen’s heading and the focused button’s name without its icon', () => {
    const { getByRole } = render(
      <main>
        <h1>Pilih layanan</h1>
        <button type="button">
          <svg aria-hidden="true">
            <title>icon</title>
          </svg>
          Paspor
        </button>
      </main>,
    );
    getByRole('button').focus();
    expect(readScene()).toEqual({
      heading: 'Pilih layanan',
      control: { name: 'Paspor', group: null, state: null },
    });
  });

  test('reads a survey answer with its question and whether it is chosen', () => {
    const { getByRole } = render(
      <main>
        <h1>Terima kasih</h1>
        <fieldset>
          <legend>Bagaimana layanan secara keseluruhan?</legend>
          <label>
            <input type="radio" name="overall" defaultChecked />
            <span aria-hidden="true">:)</span>
            <span>Sangat baik</span>
          </label>
        </fieldset>
      </main>,
    );
    getByRole('radio').focus();
    expect(readScene().control).toEqual({
      name: 'Sangat baik',
      group: 'Bagaimana layanan secara keseluruhan?',
      state: 'selected',
    });
  });

  test('takes an open dialog’s title as the heading, and says whether a switch is on', () => {
    const { getByRole } = render(
      <main>
        <h1>Selamat datang</h1>
        <dialog open>
          <h2>Pengaturan aksesibilitas</h2>
          <button type="button" aria-pressed="false">
            Teks besar
          </button>
        </dialog>
      </main>,
    );
    getByRole('button').focus();
    expect(readScene()).toEqual({
      heading: 'Pengaturan aksesibilitas',
      control: { name: 'Teks besar', group: null, state: 'off' },
    });
  });
});
