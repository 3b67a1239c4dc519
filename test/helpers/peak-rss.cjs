// Preloaded into a CLI run by the adversarial-input tests: at exit, writes the process's peak RSS
// (worker threads included) in kilobytes to the file named by PEAK_RSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE) writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
