import { SURVEY_COMMENT_MAX_LENGTH } from '@loket/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetKiosk } from '../test/fixtures';
import { SkmSurvey } from './SkmSurvey';

function renderSurvey() {
  const onSend = vi.fn();
  const onActivity = vi.fn();
  render(
    <SkmSurvey
      shortForm={['time']}
      busy={false}
      onSend={onSend}
      onSkip={vi.fn()}
      onActivity={onActivity}
      head={<h1>Thank you</h1>}
      foot={null}
      countdown={<p>Back to the start in 30 seconds</p>}
    />,
  );
  return { onSend, onActivity };
}

/** Opens the comment's dialog and waits for its keyboard. */
async function openKeyboard() {
  await userEvent.click(screen.getByRole('button', { name: 'Comment' }));
  const dialog = screen.getByRole('dialog', { name: 'Your comment' });
  const keyboard = await within(dialog).findByRole('group', { name: 'Keyboard' });
  // The keys are drawn into the group after it appears.
  await within(keyboard).findByRole('button', { name: 'Capital letter' });
  return {
    dialog,
    keyboard,
    key: (name: string) => within(keyboard).getByRole('button', { name }),
  };
}

/** The keyboard of an open comment dialog, once its keys are drawn. */
async function openKeyboardIn(dialog: HTMLElement) {
  const keyboard = await within(dialog).findByRole('group', { name: 'Keyboard' });
  await within(keyboard).findByRole('button', { name: 'Capital letter' });
  return { dialog, key: (name: string) => within(keyboard).getByRole('button', { name }) };
}

describe('the survey’s comment on the on-screen keyboard', () => {
  beforeEach(() => resetKiosk({ phase: 'thanks', language: 'en', surveyTicketId: 'ticket-1' }));

  it('fills the labelled field as its keys are tapped, each tap keeping the screen waiting', async () => {
    const { onActivity } = renderSurvey();
    const { dialog, key } = await openKeyboard();
    const field = within(dialog).getByRole('textbox', { name: 'Your comment (optional)' });
    expect(field).toHaveAccessibleDescription(
      '0/500 Your comment is kept for 90 days, then deleted.',
    );
    onActivity.mockClear();

    for (const name of ['Capital letter', 'O', 'k', 'Space', '2', 'Exclamation mark']) {
      await userEvent.click(key(name));
    }
    expect(field).toHaveValue('Ok 2!');
    await userEvent.click(key('Delete one letter'));
    expect(field).toHaveValue('Ok 2');
    expect(within(dialog).getByText('4/500')).toBeInTheDocument();
    expect(onActivity).toHaveBeenCalledTimes(7);
    // Shift gives one capital, as a phone's keyboard does.
    expect(key('Capital letter')).toHaveAttribute('aria-pressed', 'false');
    expect(key('q')).toBeInTheDocument();
  });

  it('makes every key a button with a name of its own', async () => {
    renderSurvey();
    const { keyboard } = await openKeyboard();
    for (const button of within(keyboard).getAllByRole('button')) {
      expect(button).toHaveAccessibleName();
      expect(button).toHaveAttribute('type', 'button');
    }
    expect(within(keyboard).getAllByRole('button')).toHaveLength(48);
  });

  it('stops at the limit and shows it', async () => {
    renderSurvey();
    const { dialog, key } = await openKeyboard();
    const field = within(dialog).getByRole('textbox');
    fireEvent.change(field, { target: { value: 'x'.repeat(SURVEY_COMMENT_MAX_LENGTH - 1) } });
    await userEvent.click(key('a'));
    await userEvent.click(key('b'));
    expect(field).toHaveValue(`${'x'.repeat(SURVEY_COMMENT_MAX_LENGTH - 1)}a`);
    expect(within(dialog).getByText('500/500')).toBeInTheDocument();
  });

  it('keeps the comment when the keyboard closes, and sends it with the answers', async () => {
    const { onSend } = renderSurvey();
    const { dialog, key } = await openKeyboard();
    for (const name of ['b', 'a', 'i', 'k']) await userEvent.click(key(name));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Edit comment' }));
    expect(screen.getByRole('textbox', { name: 'Your comment (optional)' })).toHaveValue('baik');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    expect(onSend).toHaveBeenCalledExactlyOnceWith({
      overall: null,
      scores: {},
      comment: 'baik',
      complaint: false,
    });
  });

  it('sends the comment as a complaint when the visitor ticks it, and never a complaint without words', async () => {
    const { onSend } = renderSurvey();
    const { dialog } = await openKeyboard();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /This is a complaint/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    expect(onSend).toHaveBeenLastCalledWith(expect.objectContaining({ complaint: false }));

    await userEvent.click(screen.getByRole('button', { name: 'Comment' }));
    const again = await openKeyboardIn(screen.getByRole('dialog', { name: 'Your comment' }));
    expect(
      within(again.dialog).getByRole('checkbox', { name: /This is a complaint/ }),
    ).toBeChecked();
    for (const name of ['l', 'a', 'm', 'a']) await userEvent.click(again.key(name));
    await userEvent.click(within(again.dialog).getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    expect(onSend).toHaveBeenLastCalledWith({
      overall: null,
      scores: {},
      comment: 'lama',
      complaint: true,
    });
  });
});
