// Preloaded into every process the bench times (NODE_OPTIONS=--require): at exit, writes the process's
// own peak resident set (kilobytes) and CPU time (user + system, microseconds), from getrusage, to the
// file RECON_BENCH_RUSAGE names.
'use strict';
const file = process.env.RECON_BENCH_RUSAGE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    require('node:fs').writeFileSync(file, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }));
  });
}
