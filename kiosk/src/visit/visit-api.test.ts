import { describe, expect, it } from 'vitest';
import { tokenOfLink } from './visit-api';

describe('the visit link', () => {
  it('takes the secret from the part of the address after #', () => {
    const token = 'R3YtMDE0LXZpc2l0LWxpbmstc2VjcmV0LXRva2VuLTA';
    expect(tokenOfLink(`#${token}`)).toBe(token);
  });

  it.each(['', '#', '#short', `#${'a'.repeat(43)}&x=1`, '#../../api'])(
    'finds no secret in %j',
    (hash) => {
      expect(tokenOfLink(hash)).toBeNull();
    },
  );
});
