import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore } from '../store/kiosk-store';
import { mockedCommand, resetKiosk } from '../test/fixtures';
import { THANKS_SECONDS, ThanksScreen } from './ThanksScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

describe('ThanksScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    mockedCommand().mockReset();
    resetKiosk({ phase: 'thanks', language: 'en', surveyTicketId: 'ticket-1' });
  });
  afterEach(() => vi.useRealTimers());

  it('counts down visibly and returns to the start when nobody answers the survey', () => {
    render(<ThanksScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Thank you' })).toBeInTheDocument();
    expect(screen.getByText(`Back to the start in ${THANKS_SECONDS} seconds`)).toBeInTheDocument();

    act(() => vi.advanceTimersByTime((THANKS_SECONDS - 1) * 1000));
    expect(screen.getByText('Back to the start in 1 second')).toBeInTheDocument();
    expect(kioskStore.getState().phase).toBe('thanks');

    act(() => vi.advanceTimersByTime(1000));
    expect(kioskStore.getState()).toMatchObject({ phase: 'attract', language: 'id' });
    expect(mockedCommand()).not.toHaveBeenCalled();
  });

  it('asks the office’s short form, with the full survey one tap away', () => {
    render(<ThanksScreen />);
    expect(screen.getAllByRole('group')).toHaveLength(4);
    expect(screen.getByRole('group', { name: 'The officer’s competence' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Answer the full survey (9 questions)' }));
    expect(screen.getAllByRole('group')).toHaveLength(10);
  });

  it('waits while the visitor answers, then sends the answers once and thanks them', async () => {
    mockedCommand().mockResolvedValue({ ok: true, data: null });
    render(<ThanksScreen />);
    act(() => vi.advanceTimersByTime((THANKS_SECONDS - 2) * 1000));
    const overall = screen.getByRole('group', { name: 'Overall, today’s service' });
    fireEvent.click(within(overall).getByRole('radio', { name: 'Very good' }));
    act(() => vi.advanceTimersByTime(5000));
    expect(kioskStore.getState().phase).toBe('thanks');
    const time = screen.getByRole('group', { name: 'How quickly you were served' });
    fireEvent.click(within(time).getByRole('radio', { name: 'Fair' }));

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    });
    expect(mockedCommand()).toHaveBeenCalledExactlyOnceWith('survey:submit', {
      ticketId: 'ticket-1',
      overall: 4,
      scores: { time: 2 },
      complaint: false,
    });
    expect(screen.getByRole('status')).toHaveTextContent('Thank you for your rating.');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('waits while the visitor writes a comment, and sends a comment alone as the survey', async () => {
    mockedCommand().mockResolvedValue({ ok: true, data: null });
    render(<ThanksScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    const dialog = screen.getByRole('dialog', { name: 'Your comment' });
    const field = within(dialog).getByRole('textbox', { name: 'Your comment (optional)' });
    act(() => vi.advanceTimersByTime((THANKS_SECONDS - 2) * 1000));
    fireEvent.change(field, { target: { value: 'Ruang tunggu nyaman' } });
    act(() => vi.advanceTimersByTime(5000));
    expect(kioskStore.getState().phase).toBe('thanks');
    expect(within(dialog).getByText(/^Back to the start in \d+ seconds$/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    });
    expect(mockedCommand()).toHaveBeenCalledExactlyOnceWith('survey:submit', {
      ticketId: 'ticket-1',
      overall: null,
      scores: {},
      comment: 'Ruang tunggu nyaman',
      complaint: false,
    });
    expect(screen.getByRole('status')).toHaveTextContent('Thank you for your rating.');
  });

  it('takes a comment of only spaces for none: with nothing else answered, Send finishes', async () => {
    render(<ThanksScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    });
    expect(mockedCommand()).not.toHaveBeenCalled();
    expect(kioskStore.getState().phase).toBe('attract');
  });

  it('lets the visitor skip the survey and finish at once', () => {
    render(<ThanksScreen />);

    fireEvent.click(screen.getByRole('button', { name: 'Skip the survey' }));

    expect(kioskStore.getState().phase).toBe('attract');
    expect(mockedCommand()).not.toHaveBeenCalled();
  });

  it('offers no survey when the visit is not known, and finishes on request', () => {
    resetKiosk({ phase: 'thanks', language: 'en', surveyTicketId: null });
    render(<ThanksScreen />);
    expect(screen.queryByRole('group')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));

    expect(kioskStore.getState().phase).toBe('attract');
  });

  it('shows a QR code to the visit’s summary beside the survey', async () => {
    vi.useRealTimers();
    resetKiosk({
      phase: 'thanks',
      language: 'en',
      surveyTicketId: 'ticket-1',
      summaryToken: 'U3VtbWFyeS1CLTAxNC1saW5rLXNlY3JldC10b2tlbjA',
    });
    render(<ThanksScreen />);
    expect(
      await screen.findByRole('img', {
        name: "QR code of your visit's summary, to open on your phone",
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('group')).toHaveLength(4);
  });
});
