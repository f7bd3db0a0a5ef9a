// `npm run --silent link -- LEFT.csv [RIGHT.csv] [--top 10] > matches.csv`
// A thin wrapper over the matching engine in @acompana/core; see data/linkage README for the contract.
import { runLinkCommand } from './link/link-command.ts';

process.exitCode = runLinkCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
