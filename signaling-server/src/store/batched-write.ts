/** How many keys one batch writes at most, so a statement's list of values stays short. */
const MOST_PER_BATCH = 500;

interface Waiting<K> {
  key: K;
  done: () => void;
  failed: (err: unknown) => void;
}

/**
 * Writes keys in batches: a key asked for while no batch runs is written in the next turn of the
 * event loop, with whatever else was asked for by then; keys asked for while a batch runs wait
 * for it and are written together by the next. After a restart every kiosk reconnects at once,
 * and one statement then does the work of one for each of them, while a key asked for alone is
 * written without waiting. Each caller is answered when the batch holding its key is written, or
 * fails with it.
 */
export function batchedWrite<K>(write: (keys: K[]) => Promise<void>): (key: K) => Promise<void> {
  let waiting: Waiting<K>[] = [];
  let running = false;
  const writeNext = (): void => {
    const batch = waiting.slice(0, MOST_PER_BATCH);
    waiting = waiting.slice(batch.length);
    if (batch.length === 0) {
      running = false;
      return;
    }
    void write([...new Set(batch.map((entry) => entry.key))])
      .then(
        () => batch.forEach((entry) => entry.done()),
        (err: unknown) => batch.forEach((entry) => entry.failed(err)),
      )
      .finally(writeNext);
  };
  return (key) =>
    new Promise<void>((done, failed) => {
      waiting.push({ key, done, failed });
      if (running) return;
      running = true;
      setImmediate(writeNext);
    });
}
