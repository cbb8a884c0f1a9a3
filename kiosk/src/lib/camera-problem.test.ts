import { describe, expect, it } from 'vitest';
import { cameraProblem } from './camera-problem';

const domError = (name: string) => new DOMException('browser said no', name);

describe('why the camera did not open', () => {
  it.each([
    ['any error on an insecure page', domError('NotAllowedError'), false, 'insecure'],
    [
      'no media devices on an insecure page',
      new Error('getUserMedia is not available'),
      false,
      'insecure',
    ],
    ['permission refused', domError('NotAllowedError'), true, 'blocked'],
    ['blocked by policy', domError('SecurityError'), true, 'blocked'],
    ['no camera', domError('NotFoundError'), true, 'missing'],
    ['no camera that fits', domError('OverconstrainedError'), true, 'missing'],
    ['no media devices at all', new Error('getUserMedia is not available'), true, 'missing'],
    ['held by another program', domError('NotReadableError'), true, 'failed'],
    ['anything else', new Error('strange'), true, 'failed'],
  ])('%s → %s', (_case, error, secure, problem) => {
    expect(cameraProblem(error, secure)).toBe(problem);
  });
});
