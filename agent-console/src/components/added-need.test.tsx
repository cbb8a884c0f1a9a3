import { render, screen, within } from '@testing-library/react';
import type { Need } from '@loket/shared';
import { expect, test, vi } from 'vitest';
import i18n from '../i18n';
import { offerView } from '../test/fixtures';
import { FakeSocket } from '../test/fake-socket';
import { OfferDialog } from './OfferDialog';
import type * as NeedList from '../../../shared/src/domain/need-list.js';

// An office adds a need to the list, and names it in the locales — nothing else.
// The offer's chat listens on the agent socket.
vi.mock('../lib/agent-socket', () => ({ agentSocket: () => new FakeSocket() }));
vi.mock('../../../shared/src/domain/need-list.js', async (importOriginal) => {
  const original = await importOriginal<typeof NeedList>();
  const added = { id: 'hard_of_hearing', requires: ['captions'], priority: false, signing: false };
  return { ...original, NEED_LIST: [...original.NEED_LIST, added] };
});

// Not a need of the list the types know: the list this test runs with has it.
const HARD_OF_HEARING = 'hard_of_hearing' as Need;

test('the officer’s offer names a need added to the list', () => {
  i18n.addResourceBundle(
    'id',
    'translation',
    { needs: { hard_of_hearing: { label: 'Kurang dengar (teks)' } } },
    true,
  );
  render(<OfferDialog offer={offerView({ needs: ['elderly', HARD_OF_HEARING] })} />);
  // The needs' list, not the chat's conversation below it.
  const needs = within(screen.getByRole('alertdialog'))
    .getAllByRole('list')
    .find((l) => !l.closest('[role="log"]'))!;
  expect(
    within(needs)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['Lanjut usia', 'Kurang dengar (teks)']);
});
