/** `npm run serve -- [--db FILE] [--port N]`: only the loopback host; prints its URL with the token on one line. */
import { parseArgs } from 'node:util';
import { runHostProcess } from '../transports/hostProcess';

const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean', default: false } },
  allowPositionals: false,
});

runHostProcess({ db: values.db, port: values.port ? Number(values.port) : undefined, openBrowser: values.open ?? false }).catch(
  (e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  },
);
