import type { VisitSummary } from '@loket/shared';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import type { SummaryAnswer } from './summary-api';
import { POLL_MS, SummaryPage } from './SummaryPage';

const TOKEN = 'U3VtbWFyeS1CLTAxNC1saW5rLXNlY3JldC10b2tlbjA';
const summary = (note: string | null): SummaryAnswer => ({
  kind: 'summary',
  summary: {
    number: 'B-014',
    service: { id: 'Penempatan kerja', en: 'Job placement' },
    language: 'en',
    officerFirstName: 'Sari',
    note,
    requirements: [{ id: 'KTP asli', en: 'Your identity card (KTP)' }],
    availableUntil: Date.UTC(2027, 0, 3),
  } satisfies VisitSummary,
});

describe('SummaryPage', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    vi.useRealTimers();
    await i18n.changeLanguage('id');
  });

  it('says the officer is still writing, then shows their note with the checklist', async () => {
    const answers = [summary(null), summary('Come back on Monday.')];
    const fetchSummary = vi.fn(async () => answers.shift() ?? summary('Come back on Monday.'));
    render(<SummaryPage token={TOKEN} fetchSummary={fetchSummary} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByText('Officer: Sari')).toBeVisible();
    expect(screen.getByText('Your identity card (KTP)')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Your officer is still writing');

    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(screen.getByText('Come back on Monday.')).toBeVisible();
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(fetchSummary).toHaveBeenCalledTimes(2);
  });

  it.each([
    { kind: 'gone' as const, text: 'Ringkasan ini sudah tidak tersedia' },
    { kind: 'notFound' as const, text: 'Ringkasan ini tidak ditemukan' },
  ])('a summary that is $kind says so plainly', async ({ kind, text }) => {
    render(<SummaryPage token={TOKEN} fetchSummary={async () => ({ kind })} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByText(text, { exact: false })).toBeVisible();
  });
});
