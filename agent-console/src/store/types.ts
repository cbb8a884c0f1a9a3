import type { StateCreator } from 'zustand/vanilla';
import type { AgentSlice } from './agentSlice';
import type { CallSlice } from './callSlice';
import type { OfferSlice } from './offerSlice';
import type { QueueSlice } from './queueSlice';
import type { SessionSlice } from './sessionSlice';

/** Everything the console keeps: plain data and the actions that change it. */
export type ConsoleState = SessionSlice & AgentSlice & OfferSlice & CallSlice & QueueSlice;

/** Builds one slice of the console store. */
export type SliceCreator<Slice> = StateCreator<ConsoleState, [], [], Slice>;
