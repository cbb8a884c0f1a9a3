import type { DemoCredentials } from './demo/demo-data.js';
import type { Pairing } from './use-cases/kiosk-enrolment.js';

/** Where the welcome goes, and whether a person is reading it there. */
export interface WelcomeOutput {
  write(text: string): void;
  /** A terminal: a person started the server and may see the demo passwords. */
  isTTY?: boolean;
}

/**
 * Prints where the apps are and, in demo mode, how to sign in. The demo passwords are printed
 * only to a terminal: when the output is collected (a service manager, a log shipper) it is a
 * log, and passwords never go into logs; the file they are kept in is named instead.
 */
export function printWelcome(
  base: string,
  demo: { credentials: DemoCredentials; file: string; pairing: Pairing | null } | null,
  output: WelcomeOutput,
): void {
  const lines = [
    '',
    'Loket is running.',
    `  Agent console:  ${base}/console/`,
    `  Lobby display:  ${base}/display/`,
    `  Health:         ${base}/healthz`,
  ];
  if (demo) {
    if (demo.pairing) {
      const until = new Date(demo.pairing.expiresAt).toLocaleString('en-GB');
      lines.splice(
        2,
        0,
        `  Kiosk:          ${base}/kiosk/#pair=${demo.pairing.code}`,
        `                  (a one-time pairing link, until ${until}; \`pnpm kiosk pair --name …\` makes another)`,
      );
    }
    if (output.isTTY) {
      lines.push('', 'Demo sign-ins (console):');
      for (const user of demo.credentials.users) {
        lines.push(
          `  ${user.role.padEnd(8)} ${user.username.padEnd(12)} ${user.password}   (${user.displayName})`,
        );
      }
    } else {
      lines.push('', `Demo sign-ins (console): in ${demo.file}`);
    }
  } else {
    lines.splice(
      2,
      0,
      `  Kiosk:          ${base}/kiosk/  (pair it with a code from \`pnpm kiosk pair --name …\`)`,
    );
  }
  if (!isSecureContext(base)) {
    lines.push(
      '',
      `Warning: ${base} is not a secure page, so a kiosk opened there cannot use its camera or`,
      'microphone (browsers allow them only on https:// or localhost). Set TLS_CERT and TLS_KEY, or',
      'serve Loket behind an https proxy (PUBLIC_URL=https://…, TRUST_PROXY).',
    );
  }
  lines.push('');
  output.write(`${lines.join('\n')}\n`);
}

/** Whether browsers treat pages at `base` as a secure context (camera and microphone allowed). */
export function isSecureContext(base: string): boolean {
  const url = new URL(base);
  if (url.protocol === 'https:') return true;
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
