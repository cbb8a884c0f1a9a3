import { describe, expect, test } from 'vitest';
import { PeerSessions, type PeerSessionVerdict } from './peer-session.js';

describe('PeerSessions', () => {
  test.each<{ name: string; from: (string | undefined)[]; expected: PeerSessionVerdict[] }>([
    {
      name: 'the first session is the current one',
      from: ['a', 'a'],
      expected: ['current', 'current'],
    },
    {
      name: 'a signal that names no session belongs to the current one',
      from: [undefined, 'a', undefined],
      expected: ['current', 'current', 'current'],
    },
    {
      name: 'a new session replaces the current one once',
      from: ['a', 'b', 'b'],
      expected: ['current', 'replaced', 'current'],
    },
    {
      name: 'late signals of a replaced session are stale',
      from: ['a', 'b', 'a', 'b'],
      expected: ['current', 'replaced', 'stale', 'current'],
    },
    {
      name: 'every reload replaces the session before it',
      from: ['a', 'b', 'c', 'b', 'a', 'c'],
      expected: ['current', 'replaced', 'replaced', 'stale', 'stale', 'current'],
    },
  ])('$name', ({ from, expected }) => {
    const sessions = new PeerSessions();
    expect(from.map((session) => sessions.admit(session))).toEqual(expected);
  });
});
