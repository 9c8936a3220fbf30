import { PaymentGatewayError, type PaymentGateway } from '@learningpt/billing';
import type { Db } from '@learningpt/db';

/**
 * The user's Stripe customer, created on first need. One per user, guaranteed twice: the
 * creation's idempotency key is the user id (concurrent first purchases get the same customer
 * from Stripe), and User.stripeCustomerId is unique and only ever set while empty.
 */
export async function ensureStripeCustomer({
  db,
  payments,
  userId,
}: {
  db: Db;
  payments: PaymentGateway;
  userId: string;
}): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, stripeCustomerId: true },
  });
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const { id } = await payments.createCustomer(
    { email: user.email, name: user.name, userId },
    { idempotencyKey: `customer:${userId}` },
  );
  await db.user.updateMany({ where: { id: userId, stripeCustomerId: null }, data: { stripeCustomerId: id } });
  const after = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { stripeCustomerId: true } });
  return after.stripeCustomerId!;
}

/**
 * Runs `fn` with the user's customer. A stored customer that Stripe does not know (demo data, a
 * customer deleted in the Dashboard, a switched account) is replaced once by a new one.
 */
export async function withStripeCustomer<T>(
  opts: { db: Db; payments: PaymentGateway; userId: string },
  fn: (customerId: string) => Promise<T>,
): Promise<T> {
  const customerId = await ensureStripeCustomer(opts);
  try {
    return await fn(customerId);
  } catch (err) {
    if (!(err instanceof PaymentGatewayError && err.code === 'resource_missing' && err.param === 'customer')) throw err;
    const user = await opts.db.user.findUniqueOrThrow({
      where: { id: opts.userId },
      select: { email: true, name: true },
    });
    const { id } = await opts.payments.createCustomer(
      { email: user.email, name: user.name, userId: opts.userId },
      { idempotencyKey: `customer:${opts.userId}:replaces:${customerId}` },
    );
    await opts.db.user.updateMany({
      where: { id: opts.userId, stripeCustomerId: customerId },
      data: { stripeCustomerId: id },
    });
    const after = await opts.db.user.findUniqueOrThrow({
      where: { id: opts.userId },
      select: { stripeCustomerId: true },
    });
    return fn(after.stripeCustomerId!);
  }
}
