// Loaded with `node --import` into the child processes the scale tests run: on exit, prints on
// stderr the process's peak resident set size and the CPU time it used (user and system), so the
// test can report what each export cost however busy the machine was.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`child-usage ${usage.maxRSS * 1024} ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}\n`);
});
