// `npm run --silent deadline -- RULE YYYY-MM-DD [--explain] [--lang en]` prints the due date.
// A thin wrapper over the deadline engine in @acompana/core (packages/core/src/deadlines).
import { runDeadlineCommand } from './deadline/deadline-command.ts';

process.exitCode = runDeadlineCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
