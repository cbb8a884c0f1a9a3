import type { StateCreator } from 'zustand/vanilla';
import type { AgentSlice } from './agent-slice';
import type { CallSlice } from './call-slice';
import type { KioskSlice } from './kiosk-slice';
import type { OfferSlice } from './offer-slice';
import type { QueueSlice } from './queue-slice';
import type { SessionSlice } from './session-slice';

/** Everything the console keeps: plain data and the actions that change it. */
export type ConsoleState = SessionSlice &
  AgentSlice &
  OfferSlice &
  CallSlice &
  QueueSlice &
  KioskSlice;

/** Builds one slice of the console store. */
export type SliceCreator<Slice> = StateCreator<ConsoleState, [], [], Slice>;
