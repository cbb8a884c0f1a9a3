import { afterEach, describe, expect, it, vi } from 'vitest';
import { enterFullscreen, keepScreenAwake } from './device';

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'wakeLock');
  Reflect.deleteProperty(document, 'fullscreenEnabled');
  Reflect.deleteProperty(document, 'fullscreenElement');
  Reflect.deleteProperty(document, 'visibilityState');
});

function withWakeLock(result: () => Promise<WakeLockSentinel>) {
  const request = vi.fn(result);
  Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
  return request;
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('keeping the screen awake', () => {
  it('asks for a lock at once and again each time the page is shown, and lets it go on stop', async () => {
    const release = vi.fn(async () => undefined);
    const request = withWakeLock(async () => ({ release }) as unknown as WakeLockSentinel);
    setVisibility('visible');
    const stop = keepScreenAwake();
    expect(request).toHaveBeenCalledExactlyOnceWith('screen');
    setVisibility('hidden');
    expect(request).toHaveBeenCalledOnce();
    setVisibility('visible');
    expect(request).toHaveBeenCalledTimes(2);
    await Promise.resolve();
    stop();
    expect(release).toHaveBeenCalled();
    setVisibility('visible');
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('carries on when the browser refuses or has no wake lock', async () => {
    withWakeLock(() => Promise.reject(new DOMException('no', 'NotAllowedError')));
    setVisibility('visible');
    const stop = keepScreenAwake();
    await Promise.resolve();
    stop();
    Reflect.deleteProperty(navigator, 'wakeLock');
    expect(() => keepScreenAwake()()).not.toThrow();
  });
});

describe('taking the whole screen', () => {
  it('asks for fullscreen without browser controls, once the browser allows it', () => {
    const requestFullscreen = vi.fn(async () => undefined);
    document.documentElement.requestFullscreen = requestFullscreen;
    Object.defineProperty(document, 'fullscreenEnabled', { value: true, configurable: true });
    enterFullscreen();
    expect(requestFullscreen).toHaveBeenCalledWith({ navigationUI: 'hide' });
  });

  it('leaves a kiosk already in fullscreen, or a browser without it, as it is', () => {
    const requestFullscreen = vi.fn(async () => undefined);
    document.documentElement.requestFullscreen = requestFullscreen;
    Object.defineProperty(document, 'fullscreenEnabled', { value: false, configurable: true });
    enterFullscreen();
    Object.defineProperty(document, 'fullscreenEnabled', { value: true, configurable: true });
    Object.defineProperty(document, 'fullscreenElement', {
      value: document.body,
      configurable: true,
    });
    enterFullscreen();
    expect(requestFullscreen).not.toHaveBeenCalled();
  });
});
