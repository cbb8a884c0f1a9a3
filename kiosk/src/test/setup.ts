import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadLanguage, loadLaterTexts, loadPageTexts } from '../i18n';

// The whole suite shares two cores in CI; a screen that appears a little late is not a failure.
configure({ asyncUtilTimeout: 5000 });

afterEach(cleanup);

// The kiosk fetches English right after it starts; screens are tested with it at hand.
await loadLanguage('en');
await loadPageTexts();
// Screens are tested on their own, without the loaders that fetch their texts in the kiosk.
await loadLaterTexts();

// jsdom has <dialog> but not its modal methods; Chromium (e2e) checks the real behaviour.
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
    this.querySelector<HTMLElement>('button, [href], input, select, textarea')?.focus();
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
