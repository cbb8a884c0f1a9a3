import { ServiceFields } from '@loket/shared';
import { describe, expect, test } from 'vitest';
import { problemsOf } from './admin-form';

describe('the problems of an admin form', () => {
  test('each field gets the first problem the shared schema finds with it', () => {
    const parsed = ServiceFields.safeParse({
      letter: 'ab',
      name: { id: '', en: 'Name' },
      description: { id: 'x', en: 'x' },
      icon: 'info',
      requirements: [],
      skills: ['no spaces allowed'],
    });
    expect(parsed.success).toBe(false);
    expect(problemsOf(parsed.error?.issues ?? [])).toEqual({
      letter: 'letter',
      'name.id': 'required',
      'skills.0': 'invalid',
    });
  });
});
