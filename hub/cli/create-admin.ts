/**
 * npm run create-admin -- <email> [name]: creates a platform-admin account of the console,
 * or makes an existing one an active platform admin with a new password (a way back in).
 * The password is read from standard input (typed without echo, or piped:
 * `printf '%s\n' "$PASSWORD" | npm run create-admin -- ana@gouv.nc "Ana Wahio"`), never
 * from the command line, where other users of the machine could read it.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { upsertPlatformAdmin } from '../accounts/index.js';
import { loadConfig } from '../config.js';
import { connectDatabase, disconnectDatabase, startLocalDatabase } from '../db/index.js';
import { DomainError } from '../domain-errors.js';

/** One line of standard input; typed without echo when it is a terminal. */
function readPassword(): Promise<string> {
  const tty = process.stdin.isTTY;
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: tty });
  return new Promise((resolve) => {
    rl.question(tty ? 'Mot de passe (12 caractères au moins) : ' : '', (answer) => {
      rl.close();
      if (tty) process.stderr.write('\n');
      resolve(answer);
    });
    muted = tty;
  });
}

const [email, ...nameParts] = process.argv.slice(2);
if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
  console.error('create-admin: usage: npm run create-admin -- <email> [name] (password on standard input)');
  process.exit(2);
}
const config = loadConfig();
const password = (await readPassword()).replace(/\r?\n$/, '');
const local = config.mongodbUri ? undefined : await startLocalDatabase(config.dataDir, (l) => console.error(l));
try {
  await connectDatabase(config.mongodbUri ?? local!.uri);
  const name = nameParts.join(' ').trim() || email.split('@')[0]!;
  const { agent, created } = await upsertPlatformAdmin(email, name, password);
  console.log(
    `create-admin: ${created ? 'created' : 'updated'} platform admin ${agent.email} — sign in at ${config.publicUrl}/console`,
  );
} catch (err) {
  const message = err instanceof DomainError ? err.detail : (err as Error).message;
  console.error(`create-admin: ${message}`);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
  await local?.stop();
}
