// Preloaded into every process the bench times (NODE_OPTIONS=--require): at exit, writes the process's
// own peak resident set (kilobytes, from getrusage) to the file RECON_BENCH_RUSAGE names.
'use strict';
const file = process.env.RECON_BENCH_RUSAGE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
