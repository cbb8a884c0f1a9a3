import { describe, expect, test } from 'vitest';
import { agentContract } from '../events/agent.js';
import { kioskContract } from '../events/kiosk.js';
import {
  CAPTION_MAX_LENGTH,
  Caption,
  CaptionStatus,
  SendCaption,
  recognitionLanguage,
} from './captions.js';

const line = { callId: 'c1', text: 'Selamat pagi', final: false, provider: 'typed' };

describe('the caption contract', () => {
  test('a typed line passes, trimmed, unfinished or final', () => {
    expect(SendCaption.parse({ ...line, text: '  Selamat pagi ' })).toEqual(line);
    expect(SendCaption.parse({ ...line, final: true }).final).toBe(true);
  });

  test.each([
    { name: 'an empty line', input: { ...line, text: '' } },
    { name: 'a line of spaces', input: { ...line, text: '   ' } },
    {
      name: 'a line over the longest',
      input: { ...line, text: 'a'.repeat(CAPTION_MAX_LENGTH + 1) },
    },
    { name: 'an unknown provider', input: { ...line, provider: 'cloud' } },
    { name: 'no final flag', input: { callId: 'c1', text: 'Halo', provider: 'typed' } },
  ])('$name is refused', ({ input }) => {
    expect(SendCaption.safeParse(input).success).toBe(false);
  });

  test('a caption names its call, ticket, side, provider and time', () => {
    const caption = { ...line, ticketId: 't1', from: 'agent', at: 1 };
    expect(Caption.parse(caption)).toEqual(caption);
    expect(Caption.safeParse({ ...caption, from: 'manager' }).success).toBe(false);
  });

  test('an unavailable status says why, from a known list', () => {
    const status = { callId: 'c1', from: 'kiosk', provider: 'browser', trouble: 'network', at: 1 };
    expect(CaptionStatus.parse(status)).toEqual(status);
    expect(CaptionStatus.safeParse({ ...status, trouble: 'sleepy' }).success).toBe(false);
  });

  test('both sides of a call send and hear captions through the same rows', () => {
    for (const contract of [kioskContract, agentContract]) {
      expect(contract.commands['caption:send'].input).toBe(SendCaption);
      expect(contract.events.caption).toBe(Caption);
      expect(contract.events['caption:status']).toBe(CaptionStatus);
    }
  });

  test('recognition listens in the call’s language', () => {
    expect(recognitionLanguage('id')).toBe('id-ID');
    expect(recognitionLanguage('en')).toBe('en-US');
  });
});
