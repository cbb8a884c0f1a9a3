import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import i18n from '../i18n';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { agentView, callStart, NOW, offerView } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { OfferDialog } from './OfferDialog';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../lib/agent-socket', () => ({ agentSocket: () => socket.current }));

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('OfferDialog', () => {
  test('shows number, service, language, wait and time left, with focus on Accept', () => {
    render(<OfferDialog offer={offerView()} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Panggilan masuk' });
    expect(dialog).toHaveTextContent('B-014');
    expect(dialog).toHaveTextContent('Layanan informasi publik');
    expect(dialog).toHaveTextContent('Bahasa Indonesia');
    expect(dialog).toHaveTextContent('KebutuhanTidak ada');
    expect(dialog).toHaveTextContent('Sudah menunggu1:35');
    expect(screen.getByRole('timer')).toHaveTextContent('0:20');
    expect(screen.getByRole('button', { name: 'Terima' })).toHaveFocus();
  });

  test.each([
    {
      language: 'id',
      needs: ['sign_language', 'elderly'],
      shown: ['Bahasa isyarat (BISINDO)', 'Lanjut usia'],
    },
    {
      language: 'en',
      needs: ['disability', 'pregnant'],
      shown: ['Person with a disability', 'Pregnant'],
    },
  ] as const)(
    'names every need the visitor declared ($language)',
    async ({ language, needs, shown }) => {
      await i18n.changeLanguage(language);
      render(<OfferDialog offer={offerView({ needs: [...needs] })} />);
      // The needs' list, not the chat's conversation below it.
      const list = screen.getAllByRole('list').find((l) => !l.closest('[role="log"]'))!;
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([...shown]);
      await i18n.changeLanguage('id');
    },
  );

  test('Accept accepts the ticket and starts the call', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    consoleStore.getState().offerReceived(offerView());
    render(<OfferDialog offer={offerView()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Terima' }));
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('offer:accept', { ticketId: 't-14' });
    expect(consoleStore.getState()).toMatchObject({ call: { callId: 'c-1' }, offer: null });
  });

  test('Escape declines the offer', async () => {
    answerWith(socket.current!, { 'offer:decline': { ok: true, data: { agent: agentView() } } });
    consoleStore.getState().offerReceived(offerView());
    render(<OfferDialog offer={offerView()} />);
    await userEvent.keyboard('{Escape}');
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('offer:decline', { ticketId: 't-14' });
    expect(consoleStore.getState().offer).toBeNull();
  });

  test('an offer taken back meanwhile is cleared with a translated error', async () => {
    answerWith(socket.current!, {
      'offer:accept': { ok: false, error: { code: 'OFFER_NOT_HELD', message: 'gone' } },
    });
    consoleStore.getState().offerReceived(offerView());
    render(<OfferDialog offer={offerView()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Terima' }));
    expect(consoleStore.getState()).toMatchObject({ offer: null, error: 'OFFER_NOT_HELD' });
  });
});
