// Loaded into the benchmarked server only (node --expose-gc --import ./bench/memory-probe.mjs):
// on SIGUSR2 it collects garbage and prints one line with process.memoryUsage() to stderr.
// Nothing in the server itself exposes memory figures.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  process.stderr.write(`LOKET_MEMORY ${JSON.stringify(process.memoryUsage())}\n`);
});
