// Preloaded (node --require) into a measured build: writes the process's peak resident set
// size in kilobytes to RDPRESCUE_MAX_RSS_FILE as it exits, so the bench reports peak memory
// without depending on /usr/bin/time.
const { writeFileSync } = require('node:fs');

const file = process.env.RDPRESCUE_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
