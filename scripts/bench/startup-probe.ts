/**
 * Preloaded (node --require) into each Node-RED the start-up bench starts: when Node-RED logs "Started flows", the
 * process's CPU time so far goes to stderr as "bench-cpu <ms>". CPU time is distorted less than wall time by other
 * work on the machine.
 */
const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
let reported = false;

process.stdout.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
  if (!reported && String(chunk).includes('Started flows')) {
    reported = true;
    const { user, system } = process.cpuUsage();
    process.stderr.write(`bench-cpu ${(user + system) / 1000}\n`);
  }
  return write(chunk, ...rest);
}) as typeof process.stdout.write;
