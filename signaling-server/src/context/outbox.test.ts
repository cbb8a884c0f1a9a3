import { describe, expect, test } from 'vitest';
import { Outbox, type Notifier } from './outbox.js';
import { noTelemetry, type Telemetry } from './telemetry.js';

describe('Outbox measurements', () => {
  test('are recorded only at the flush, after the parties are told, and only once', () => {
    const heard: string[] = [];
    const notifier = {
      queueChanged: (officeId: string) => heard.push(`queue ${officeId}`),
    } as unknown as Notifier;
    const telemetry: Telemetry = {
      ...noTelemetry,
      callStarted: (officeId, transport) => heard.push(`call ${officeId} ${transport}`),
    };
    const outbox = new Outbox();
    outbox.measure((t) => t.callStarted('o-1', 'p2p'));
    outbox.queueChanged('o-1');
    expect(heard).toEqual([]);

    outbox.flush(notifier, telemetry);
    outbox.flush(notifier, telemetry);
    expect(heard).toEqual(['queue o-1', 'call o-1 p2p']);
  });
});
