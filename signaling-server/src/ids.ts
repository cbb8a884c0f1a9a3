import { randomUUID } from 'node:crypto';

/** Makes identifiers; injected so tests can predict them. */
export type IdFactory = () => string;

/** Random UUIDs. */
export const randomIds: IdFactory = () => randomUUID();
