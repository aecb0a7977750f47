/**
 * The SMTP sink of `npm run bench:newsletter`, in a child process of its own:
 * a real smtp-server that accepts everything and counts the messages it
 * accepted per recipient. The parent asks over IPC: `stats` (accepted, time
 * of the last one), `counts` (per recipient), `reset`.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

let counts = new Map<string, number>();
let accepted = 0;
let lastAt = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 200,
  onData(stream, session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo) counts.set(r.address.toLowerCase(), (counts.get(r.address.toLowerCase()) ?? 0) + 1);
      accepted++;
      lastAt = Date.now();
      callback();
    });
  },
});
// A killed sender resets its connections (ECONNRESET): the sink must live on to count the rest.
server.on('error', () => {});
server.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'ready', port: (server.server.address() as AddressInfo).port });
});
process.on('message', (m: { type: string }) => {
  if (m.type === 'stats') process.send!({ type: 'stats', accepted, lastAt });
  if (m.type === 'counts') process.send!({ type: 'counts', counts: Object.fromEntries(counts) });
  if (m.type === 'reset') { counts = new Map(); accepted = 0; lastAt = 0; process.send!({ type: 'reset' }); }
});
process.on('disconnect', () => process.exit(0));
