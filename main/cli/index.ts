/**
 * `npm run cli -- <command> [--db FILE] [--json]`: the command-line entry. It calls the services
 * directly (validating with the contract's schemas) and does not take the app's instance lock:
 * SQLite's busy timeout lets it run beside the app.
 */
import { restrictUmask } from '../app/fileModes';
import { main } from './main';

restrictUmask();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 1;
  },
);
