/** The kiosk app's version, from its package.json at build time. */
declare const __LOKET_VERSION__: string;
