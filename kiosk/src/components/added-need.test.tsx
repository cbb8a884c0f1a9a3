import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoutingNeed } from '@loket/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { command } from '../lib/commands';
import { takeTicket } from '../store/journey';
import { kioskStore } from '../store/kiosk-store';
import { mockedCommand, resetKiosk, ticket } from '../test/fixtures';
import { OnDuty } from './OnDuty';
import { ServiceNeeds } from './ServiceNeeds';
import type * as NeedList from '../../../shared/src/domain/need-list.js';

// An office adds a need to the list, and names it in the locales — nothing else.
vi.mock('../../../shared/src/domain/need-list.js', async (importOriginal) => {
  const original = await importOriginal<typeof NeedList>();
  const added = { id: 'hard_of_hearing', requires: ['captions'], priority: false, signing: false };
  return { ...original, NEED_LIST: [...original.NEED_LIST, added] };
});
vi.mock('../lib/commands', () => ({ command: vi.fn() }));

// Not a need of the list the types know: the list this test runs with has it.
const HARD_OF_HEARING = 'hard_of_hearing' as RoutingNeed;

describe('a need added to the list', () => {
  beforeEach(() => {
    i18n.addResourceBundle(
      'id',
      'translation',
      {
        needs: {
          hard_of_hearing: {
            label: 'Saya kurang dengar (teks)',
            served: 'Petugas yang menulis teks akan melayani Anda.',
            unavailable: 'Belum ada petugas yang menulis teks saat ini.',
            onDuty: 'Petugas yang menulis teks sedang bertugas.',
          },
        },
      },
      true,
    );
    mockedCommand().mockReset();
    resetKiosk({ phase: 'consent', serviceId: 'svc-job' });
  });

  it('is offered as a choice beside sign language, not as priority service, and travels with the ticket', async () => {
    render(<ServiceNeeds />);
    const choice = screen.getByRole('button', { name: 'Saya kurang dengar (teks)' });
    const priority = screen.getByRole('group', { name: 'Layanan prioritas' });
    expect(
      within(priority).queryByRole('button', { name: 'Saya kurang dengar (teks)' }),
    ).toBeNull();

    await userEvent.click(choice);
    expect(choice).toHaveAttribute('aria-pressed', 'true');
    mockedCommand().mockResolvedValue({ ok: true, data: { ticket: ticket() } });
    await takeTicket();

    expect(command).toHaveBeenCalledWith(
      'ticket:create',
      expect.objectContaining({ needs: [HARD_OF_HEARING] }),
    );
  });

  it('says when an officer who can serve it is on duty', () => {
    kioskStore.setState({ onDuty: [HARD_OF_HEARING] });
    render(<OnDuty needs={[HARD_OF_HEARING]} />);
    expect(screen.getByText('Petugas yang menulis teks sedang bertugas.')).toBeInTheDocument();
  });
});
