import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The restricted-import messages lint gives `code` written in `file` (from the workspace root). */
async function restrictedImports(eslint: ESLint, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the layer rules that lint enforces', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  test.each([
    { file: 'signaling-server/src/core/probe.ts', from: '../store/database.js', why: 'pure' },
    { file: 'signaling-server/src/core/probe.ts', from: 'node:fs', why: 'pure' },
    { file: 'signaling-server/src/core/probe.ts', from: 'kysely', why: 'pure' },
    {
      file: 'signaling-server/src/realtime/probe.ts',
      from: '../store/repositories/users.js',
      why: 'through use cases',
    },
    { file: 'signaling-server/src/realtime/probe.ts', from: '../http/errors.js', why: 'apart' },
    { file: 'signaling-server/src/http/probe.ts', from: '../store/database.js', why: 'use cases' },
    { file: 'signaling-server/src/http/probe.ts', from: '../realtime/rooms.js', why: 'apart' },
    { file: 'signaling-server/src/http/probe.ts', from: '../media/livekit.js', why: 'use cases' },
    {
      file: 'signaling-server/src/media/probe.ts',
      from: '../use-cases/call.js',
      why: 'called by use cases',
    },
    {
      file: 'signaling-server/src/store/repositories/probe.ts',
      from: '../../realtime/rooms.js',
      why: 'no transport',
    },
    {
      file: 'signaling-server/src/use-cases/probe.ts',
      from: '../realtime/rooms.js',
      why: 'no transport',
    },
    { file: 'signaling-server/src/queue/probe.ts', from: '../use-cases/kiosk.js', why: 'moved by' },
    {
      file: 'signaling-server/src/read-models/probe.ts',
      from: '../queue/offers.js',
      why: 'only read',
    },
    {
      file: 'signaling-server/src/context/probe.ts',
      from: '../queue/dispatcher.js',
      why: 'knows none',
    },
    { file: 'signaling-server/src/app.ts', from: '../../kiosk/src/App', why: 'through shared' },
    { file: 'kiosk/src/probe.ts', from: '../../agent-console/src/App', why: 'through shared' },
    { file: 'agent-console/src/probe.ts', from: '@loket/signaling-server', why: 'through shared' },
    {
      file: 'shared/src/probe.ts',
      from: '../../signaling-server/src/app.js',
      why: 'through shared',
    },
  ])('$file may not import $from', async ({ file, from, why }) => {
    const messages = await restrictedImports(eslint, file, `import '${from}';\n`);
    expect(messages).toEqual([expect.stringContaining(why)]);
  });

  test.each([
    { file: 'signaling-server/src/core/probe.ts', from: '@loket/shared' },
    { file: 'signaling-server/src/core/probe.ts', from: './routing.js' },
    { file: 'signaling-server/src/use-cases/probe.ts', from: '../store/database.js' },
    { file: 'signaling-server/src/use-cases/probe.ts', from: '../media/provider.js' },
    { file: 'signaling-server/src/realtime/probe.ts', from: '../use-cases/kiosk.js' },
    { file: 'signaling-server/src/http/probe.ts', from: '../use-cases/session.js' },
    { file: 'signaling-server/src/scheduling/probe.ts', from: '../queue/offers.js' },
    { file: 'signaling-server/src/realtime/probe.test.ts', from: '../store/database.js' },
    { file: 'kiosk/src/probe.ts', from: '@loket/shared' },
  ])('$file may import $from', async ({ file, from }) => {
    expect(await restrictedImports(eslint, file, `import '${from}';\n`)).toEqual([]);
  });
});
