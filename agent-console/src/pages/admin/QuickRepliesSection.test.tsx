import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { answerRoutes, sentTo } from '../../test/route-fetch';
import { QuickRepliesSection } from './QuickRepliesSection';

const REPLIES = [
  { id: 'Mohon tunggu sebentar.', en: 'Please wait a moment.' },
  { id: 'Terima kasih.', en: 'Thank you.' },
];

afterEach(() => vi.unstubAllGlobals());

describe('QuickRepliesSection', () => {
  test('a reply with no English text is refused beside the field, nothing sent', async () => {
    const fetchMock = answerRoutes({
      'GET /api/office/quick-replies': [[200, { replies: REPLIES, version: 1 }]],
    });
    const user = userEvent.setup();
    render(<QuickRepliesSection />);
    await user.click(await screen.findByRole('button', { name: 'Tambah balasan' }));
    await user.type(screen.getByRole('textbox', { name: 'Teks bahasa Indonesia balasan 3' }), 'Ya');
    await user.click(screen.getByRole('button', { name: 'Simpan balasan cepat' }));
    expect(
      screen.getByRole('textbox', { name: 'Teks bahasa Inggris balasan 3' }),
    ).toHaveAccessibleDescription('Isi teksnya.');
    expect(sentTo(fetchMock, 'PUT /api/office/quick-replies')).toHaveLength(0);
  });

  test('replies are edited, reordered, removed and added, and saved in their new order', async () => {
    const fetchMock = answerRoutes({
      'GET /api/office/quick-replies': [[200, { replies: REPLIES, version: 1 }]],
      'PUT /api/office/quick-replies': [[200, { replies: REPLIES, version: 1 }]],
    });
    const user = userEvent.setup();
    render(<QuickRepliesSection />);
    const english = await screen.findByRole('textbox', { name: 'Teks bahasa Inggris balasan 2' });
    await user.clear(english);
    await user.type(english, 'Thanks.');
    await user.click(screen.getByRole('button', { name: 'Naikkan balasan 2' }));
    await user.click(screen.getByRole('button', { name: 'Hapus balasan 2' }));
    await user.click(screen.getByRole('button', { name: 'Tambah balasan' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Teks bahasa Indonesia balasan 2' }),
      'Ya.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Teks bahasa Inggris balasan 2' }), 'Yes.');
    await user.click(screen.getByRole('button', { name: 'Simpan balasan cepat' }));
    expect(await screen.findByText('Tersimpan.')).toBeInTheDocument();
    expect(sentTo(fetchMock, 'PUT /api/office/quick-replies')).toEqual([
      {
        // The version read, so that a save over someone else's is refused.
        version: 1,
        replies: [
          { id: 'Terima kasih.', en: 'Thanks.' },
          { id: 'Ya.', en: 'Yes.' },
        ],
      },
    ]);
  }, 20_000);
});
