import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import SpeechGuide from './SpeechGuide';
import type { Speaker } from './speaker';

/** A speaker that records what it is asked, with or without a voice for the language. */
function recorder(hasVoice: boolean) {
  const said: string[] = [];
  const speaker: Speaker = {
    speak: (text, language) => {
      said.push(`${language}: ${text}`);
      return hasVoice;
    },
    cancel: () => said.push('cancel'),
    setVolume: () => undefined,
  };
  return { said, speaker };
}

describe('audio guidance on the kiosk', () => {
  test('says the screen’s heading, then a new focus after cutting the last words short', async () => {
    const { said, speaker } = recorder(true);
    render(
      <main>
        <h1>Pilih layanan</h1>
        <button type="button">Paspor</button>
        <SpeechGuide speaker={speaker} />
      </main>,
    );
    await expect.poll(() => said).toContain('id: Pilih layanan');
    screen.getByRole('button', { name: 'Paspor' }).focus();
    await expect.poll(() => said.slice(-2)).toEqual(['cancel', 'id: Paspor']);
  });

  test('says on screen, once, that no voice speaks the language', async () => {
    const { speaker } = recorder(false);
    render(
      <main>
        <h1>Pilih layanan</h1>
        <SpeechGuide speaker={speaker} />
      </main>,
    );
    expect(await screen.findByText(/tidak tersedia/)).toHaveAttribute('role', 'status');
    expect(screen.getAllByText(/tidak tersedia/)).toHaveLength(1);
  });
});
