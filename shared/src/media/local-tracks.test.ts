import { describe, expect, test } from 'vitest';
import { constraintsForDevice } from './local-tracks.js';

describe('constraintsForDevice', () => {
  test.each<{ name: string; current: MediaTrackConstraints; expected: MediaTrackConstraints }>([
    {
      name: 'a sign-language camera’s minimums become wishes',
      current: { width: { min: 1280 }, height: { min: 720 }, frameRate: { min: 25 } },
      expected: {
        width: { ideal: 1280 },
        height: { ideal: 720 },
        frameRate: { ideal: 25 },
        deviceId: { exact: 'cam-2' },
      },
    },
    {
      name: 'wishes stay wishes',
      current: { width: { ideal: 1280 }, frameRate: 25, facingMode: 'user' },
      expected: {
        width: { ideal: 1280 },
        frameRate: 25,
        facingMode: 'user',
        deviceId: { exact: 'cam-2' },
      },
    },
    {
      name: 'an exact value or a range becomes a wish, the wish of a range winning',
      current: {
        facingMode: { exact: 'environment' },
        height: { min: 480, max: 1080 },
        width: { min: 640, ideal: 1280 },
      },
      expected: {
        facingMode: { ideal: 'environment' },
        height: { ideal: 480 },
        width: { ideal: 1280 },
        deviceId: { exact: 'cam-2' },
      },
    },
    {
      name: 'the old device and its group are not asked for',
      current: { deviceId: { exact: 'cam-1' }, groupId: { exact: 'g-1' }, echoCancellation: true },
      expected: { echoCancellation: true, deviceId: { exact: 'cam-2' } },
    },
    {
      name: 'a track opened with nothing asks only for the device',
      current: {},
      expected: { deviceId: { exact: 'cam-2' } },
    },
  ])('$name', ({ current, expected }) => {
    expect(constraintsForDevice(current, 'cam-2')).toEqual(expected);
  });
});
