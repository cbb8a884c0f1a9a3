import { render, screen, within } from '@testing-library/react';
import { NEED_IDS } from '@loket/shared';
import { expect, test } from 'vitest';
import { callStart } from '../test/fixtures';
import { VisitorProfile } from './call/VisitorProfile';
import { NeedList } from './NeedList';

test('every need shows a pictogram beside its words, the pictogram hidden from screen readers', () => {
  render(<NeedList needs={NEED_IDS} />);
  const items = screen.getAllByRole('listitem');
  expect(items.map((item) => item.textContent)).toEqual([
    'Bahasa isyarat (BISINDO)',
    'Penyandang disabilitas',
    'Lanjut usia',
    'Ibu hamil',
  ]);
  const pictures = items.map((item) => item.querySelector('svg'));
  for (const picture of pictures) expect(picture).toHaveAttribute('aria-hidden', 'true');
  const drawn = pictures.map((picture) => picture?.querySelector('path')?.getAttribute('d'));
  expect(new Set(drawn).size).toBe(NEED_IDS.length);
});

test('the call view tells the officer the visitor’s language and every need', () => {
  const visitor = {
    language: 'en' as const,
    needs: ['sign_language' as const, 'pregnant' as const],
  };
  render(<VisitorProfile visitor={callStart({ visitor }).visitor!} />);
  expect(screen.getByText('Bahasa Inggris')).toBeVisible();
  const needs = within(screen.getByRole('list'));
  expect(needs.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
    'Bahasa isyarat (BISINDO)',
    'Ibu hamil',
  ]);
});
