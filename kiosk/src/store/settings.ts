import type { Language, Need } from '@loket/shared';
import { applyDisplaySettings } from '../lib/document-settings';
import { kioskStore, type DisplaySettings } from './kiosk-store';

function update(change: Partial<DisplaySettings>): void {
  kioskStore.setState(change);
  const { language, textSize, contrast, reach } = kioskStore.getState();
  applyDisplaySettings({ language, textSize, contrast, reach });
}

/** Shows the kiosk in another language. */
export function setLanguage(language: Language): void {
  update({ language });
}

/** Switches large text on or off. */
export function toggleLargeText(): void {
  update({ textSize: kioskStore.getState().textSize === 'large' ? 'normal' : 'large' });
}

/** Switches high contrast on or off. */
export function toggleHighContrast(): void {
  update({ contrast: kioskStore.getState().contrast === 'high' ? 'normal' : 'high' });
}

/** Switches the low-reach layout on or off. */
export function toggleLowReach(): void {
  update({ reach: kioskStore.getState().reach === 'low' ? 'standard' : 'low' });
}

/** Switches audio guidance on or off. */
export function toggleSpeech(): void {
  kioskStore.setState((state) => ({ speech: !state.speech }));
}

/** Declares or withdraws one need (sign language, priority service…); it travels with the ticket. */
export function toggleNeed(need: Need): void {
  const { needs } = kioskStore.getState();
  kioskStore.setState({
    needs: needs.includes(need) ? needs.filter((n) => n !== need) : [...needs, need],
  });
}
