import { describe, expect, test } from 'vitest';
import { requirementsOf } from './views.js';

describe("a service's checklist", () => {
  const stored = JSON.stringify([{ id: 'KTP asli', en: 'Original ID card' }]);

  test('reads as the stored list, each caller getting its own copy', () => {
    const first = requirementsOf({ requirements: stored });
    first.push({ id: 'tambahan', en: 'extra' });
    expect(requirementsOf({ requirements: stored })).toEqual([
      { id: 'KTP asli', en: 'Original ID card' },
    ]);
  });

  test('shows as none when malformed, however often it is read', () => {
    const malformed = JSON.stringify([{ id: 'tanpa terjemahan' }]);
    expect(requirementsOf({ requirements: malformed })).toEqual([]);
    expect(requirementsOf({ requirements: malformed })).toEqual([]);
    expect(requirementsOf(undefined)).toEqual([]);
  });
});
