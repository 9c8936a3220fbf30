// `pnpm dev` runs this beside the server: the local Stripe on 127.0.0.1:12111 (STRIPE_EMULATOR_PORT),
// sending webhooks to the server's /api/payments/webhook. With a real STRIPE_SECRET_KEY the server
// talks to Stripe itself, so there is nothing to run.
import { createLocalStripe, DEFAULT_LOCAL_STRIPE_PORT, LOCAL_WEBHOOK_SECRET } from './index';

// A command-line entry point: its settings are its environment.
// eslint-disable-next-line no-restricted-syntax
const env = process.env;
const say = (line: string) => console.log(`\x1b[35m[stripe-local]\x1b[0m ${line}`);

if (env.STRIPE_SECRET_KEY) {
  say('STRIPE_SECRET_KEY is set: the server uses Stripe itself, the local Stripe is not started.');
  process.exit(0);
}

const port = Number(env.STRIPE_EMULATOR_PORT ?? DEFAULT_LOCAL_STRIPE_PORT);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`STRIPE_EMULATOR_PORT must be a port number from 1 to 65535 (got ${env.STRIPE_EMULATOR_PORT})`);
  process.exit(1);
}
const webhookUrl = env.STRIPE_WEBHOOK_URL ?? `http://localhost:${env.PORT ?? 3000}/api/payments/webhook`;

try {
  const local = await createLocalStripe({
    port,
    host: env.STRIPE_EMULATOR_HOST ?? '127.0.0.1',
    webhookUrl,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? LOCAL_WEBHOOK_SECRET,
    log: say,
  });
  say(`listening on ${local.url} (any sk_test_ key; objects kept in memory); webhooks → ${webhookUrl}`);
  // Renewals and cancellations at period end happen as time passes, as in Stripe.
  const timer = setInterval(() => local.tick(), 60_000);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      clearInterval(timer);
      void local.close().then(() => process.exit(0));
    });
  }
} catch (err) {
  const code = (err as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use: set STRIPE_EMULATOR_PORT (and STRIPE_API_BASE for the server) to a free port.`
      : `The local Stripe could not start: ${(err as Error).message}`,
  );
  process.exit(1);
}
