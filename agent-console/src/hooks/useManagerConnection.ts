import { useEffect } from 'react';
import { startManagerConnection } from '../lib/manager-connection';

/** Keeps the manager socket open while the live queue is shown. */
export function useManagerConnection(): void {
  useEffect(() => startManagerConnection(), []);
}
