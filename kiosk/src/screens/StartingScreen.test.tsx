import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { OFFICE_NAME_KEY, rememberOfficeName } from '../lib/remembered-office';
import { office, resetKiosk } from '../test/fixtures';
import { StartingScreen } from './StartingScreen';

afterEach(() => localStorage.removeItem(OFFICE_NAME_KEY));

describe('the screen while the kiosk gets ready', () => {
  test('says the kiosk is getting ready when it has never served an office', () => {
    resetKiosk({ phase: 'starting' });
    render(<StartingScreen />);
    expect(screen.getByRole('heading', { name: 'Menyiapkan kiosk…' })).toBeVisible();
  });

  test.each([
    { language: 'id' as const, intro: /Layanan pelanggan virtual/, ready: 'Menyiapkan kiosk…' },
    {
      language: 'en' as const,
      intro: /Virtual customer service/,
      ready: 'Getting the kiosk ready…',
    },
  ])(
    'shows the office it served last, in $language, above what the kiosk is for',
    ({ language, intro, ready }) => {
      rememberOfficeName(office.name);
      resetKiosk({ phase: 'starting', language });
      render(<StartingScreen />);
      expect(screen.getByRole('heading', { name: office.name[language] })).toBeVisible();
      expect(screen.getByText(intro)).toBeVisible();
      expect(screen.getByRole('status')).toHaveTextContent(ready);
    },
  );

  test('ignores a kept name it cannot read', () => {
    localStorage.setItem(OFFICE_NAME_KEY, '{"id": 3}');
    resetKiosk({ phase: 'starting' });
    render(<StartingScreen />);
    expect(screen.getByRole('heading', { name: 'Menyiapkan kiosk…' })).toBeVisible();
  });
});
