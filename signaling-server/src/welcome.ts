import type { DemoCredentials } from './demo/demo-data.js';

/** Prints where the apps are and, in demo mode, how to sign in. */
export function printWelcome(base: string, demo: DemoCredentials | null): void {
  const lines = [
    '',
    'Loket is running.',
    `  Agent console:  ${base}/console/`,
    `  Health:         ${base}/healthz`,
  ];
  if (demo) {
    lines.splice(2, 0, `  Kiosk:          ${base}/kiosk/?device=${demo.kioskToken}`);
    lines.push('', 'Demo sign-ins (console):');
    for (const user of demo.users) {
      lines.push(
        `  ${user.role.padEnd(8)} ${user.username.padEnd(12)} ${user.password}   (${user.displayName})`,
      );
    }
  } else {
    lines.splice(
      2,
      0,
      `  Kiosk:          ${base}/kiosk/  (open it with ?device=<token> once to enrol)`,
    );
  }
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}
