// Stripe's HTTP API (/v1/...) over the store: parameter names, defaults, lists and `expand` as
// Stripe has them, for the endpoints the product calls.
import { bool, int, list, metadataOf, obj, str, type FormObject, type FormValue } from './form';
import { invalid, newId, publicView, type Json, type Store } from './store';

export interface RouteContext {
  params: string[];
  form: FormObject;
  store: Store;
  /** Adds a webhook endpoint (POST /v1/webhook_endpoints). */
  addEndpoint: (url: string, events: string[]) => Json;
  removeEndpoint: (id: string) => Json;
  listEndpoints: () => Json[];
}

type Handler = (ctx: RouteContext) => Json;
interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const routes: Route[] = [];
const route = (method: string, path: string, handler: Handler) => {
  const pattern = new RegExp(`^${path.replace(/:[a-z_]+/g, '([^/]+)')}$`);
  routes.push({ method, pattern, handler });
};

export function matchRoute(method: string, path: string): { handler: Handler; params: string[] } | null {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method === method) return { handler: r.handler, params: m.slice(1).map(decodeURIComponent) };
  }
  if (pathMatched) return null;
  return null;
}

// ── Helpers ──────────────────────────────────────────────────────────────────

const limitOf = (f: FormObject) => int(f.limit) ?? 10;
const currencyOf = (v: FormValue | undefined) => str(v)?.toLowerCase();

function expandList(f: FormObject): string[] {
  return list(f.expand).filter((v): v is string => typeof v === 'string');
}

/** `expand[]`: ids at the given dotted paths replaced by their objects (line_items on a session). */
function expanded(store: Store, object: Json, paths: string[]): Json {
  const out = structuredClone(object);
  for (const path of paths) expandPath(store, out, path.split('.'));
  return out;
}

function expandPath(store: Store, target: Json, parts: string[]) {
  const [head, ...rest] = parts;
  if (!head) return;
  if (head === 'data' && Array.isArray(target.data)) {
    for (const item of target.data as Json[]) expandPath(store, item, rest);
    return;
  }
  if (head === 'line_items' && target.object === 'checkout.session') {
    target.line_items = store.checkoutLineItems(target);
    return;
  }
  const value = target[head];
  if (typeof value === 'string') {
    const found = store.objects.get(value);
    if (found) target[head] = structuredClone(found);
  }
  const next = target[head];
  if (next && typeof next === 'object' && rest.length) expandPath(store, next as Json, rest);
}

const answer = (store: Store, f: FormObject, o: Json) => publicView(expanded(store, o, expandList(f))) as Json;

function listAnswer(store: Store, f: FormObject, l: Json): Json {
  const paths = expandList(f)
    .filter((p) => p.startsWith('data.'))
    .map((p) => p.slice(5));
  return publicView({
    ...l,
    data: (l.data as Json[]).map((o) => expanded(store, o, paths)),
  }) as Json;
}

function recurringOf(v: FormValue | undefined): { interval: string; intervalCount: number } | undefined {
  const r = obj(v);
  const interval = str(r.interval);
  if (!interval) return undefined;
  return { interval, intervalCount: int(r.interval_count) ?? 1 };
}

// ── Customers and payment methods ────────────────────────────────────────────

route('POST', '/v1/customers', ({ store, form: f }) =>
  answer(
    store,
    f,
    store.createCustomer({
      ...(str(f.email) ? { email: str(f.email)! } : {}),
      ...(str(f.name) ? { name: str(f.name)! } : {}),
      metadata: metadataOf(f.metadata),
      ...(str(f.payment_method) ? { paymentMethod: str(f.payment_method)! } : {}),
      ...(str(obj(f.invoice_settings).default_payment_method)
        ? { defaultPaymentMethod: str(obj(f.invoice_settings).default_payment_method)! }
        : {}),
    }),
  ),
);
route('GET', '/v1/customers', ({ store, form: f }) => {
  const email = str(f.email);
  return listAnswer(
    store,
    f,
    store.listOf(
      'customer',
      (c) => !c.deleted && (!email || c.email === email),
      '/v1/customers',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});
route('GET', '/v1/customers/:id', ({ store, form: f, params: [id] }) => answer(store, f, store.get('customer', id)));
route('POST', '/v1/customers/:id', ({ store, form: f, params: [id] }) => {
  const current = store.liveCustomer(id, 'id');
  return answer(
    store,
    f,
    store.updateCustomer(id!, {
      ...(f.email !== undefined ? { email: str(f.email) ?? '' } : {}),
      ...(f.name !== undefined ? { name: str(f.name) ?? '' } : {}),
      ...(f.metadata !== undefined
        ? { metadata: metadataOf(f.metadata, current.metadata as Record<string, string>) }
        : {}),
      ...(str(obj(f.invoice_settings).default_payment_method)
        ? { defaultPaymentMethod: str(obj(f.invoice_settings).default_payment_method)! }
        : {}),
    }),
  );
});
route('DELETE', '/v1/customers/:id', ({ store, params: [id] }) => store.deleteCustomer(id!));

route('GET', '/v1/payment_methods/:id', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.paymentMethod(id!, 'id')),
);
route('POST', '/v1/payment_methods/:id/attach', ({ store, form: f, params: [id] }) => {
  const customer = str(f.customer);
  if (!customer) throw invalid('Missing required param: customer.', 'customer');
  return answer(store, f, store.attachPaymentMethod(id!, customer));
});

// ── Products and prices ──────────────────────────────────────────────────────

route('POST', '/v1/products', ({ store, form: f }) => {
  const name = str(f.name);
  if (!name) throw invalid('Missing required param: name.', 'name');
  return answer(
    store,
    f,
    store.createProduct({
      ...(str(f.id) ? { id: str(f.id)! } : {}),
      name,
      ...(str(f.description) ? { description: str(f.description)! } : {}),
      metadata: metadataOf(f.metadata),
      ...(bool(f.active) !== undefined ? { active: bool(f.active)! } : {}),
    }),
  );
});
route('GET', '/v1/products', ({ store, form: f }) => {
  const active = bool(f.active);
  const ids = list(f.ids).filter((v): v is string => typeof v === 'string');
  return listAnswer(
    store,
    f,
    store.listOf(
      'product',
      (p) => (active === undefined || p.active === active) && (ids.length === 0 || ids.includes(p.id as string)),
      '/v1/products',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});
route('GET', '/v1/products/:id', ({ store, form: f, params: [id] }) => answer(store, f, store.get('product', id)));
route('POST', '/v1/products/:id', ({ store, form: f, params: [id] }) => {
  const current = store.get('product', id);
  return answer(
    store,
    f,
    store.updateProduct(id!, {
      ...(str(f.name) ? { name: str(f.name)! } : {}),
      ...(f.description !== undefined ? { description: str(f.description) ?? '' } : {}),
      ...(bool(f.active) !== undefined ? { active: bool(f.active)! } : {}),
      ...(f.metadata !== undefined
        ? { metadata: metadataOf(f.metadata, current.metadata as Record<string, string>) }
        : {}),
    }),
  );
});

route('POST', '/v1/prices', ({ store, form: f }) =>
  answer(
    store,
    f,
    store.createPrice({
      ...(str(f.product) ? { product: str(f.product)! } : {}),
      ...(str(obj(f.product_data).name) ? { productName: str(obj(f.product_data).name)! } : {}),
      unitAmount: int(f.unit_amount),
      currency: currencyOf(f.currency),
      ...(recurringOf(f.recurring) ? { recurring: recurringOf(f.recurring)! } : {}),
      ...(str(f.lookup_key) ? { lookupKey: str(f.lookup_key)! } : {}),
      transferLookupKey: bool(f.transfer_lookup_key) ?? false,
      ...(str(f.nickname) ? { nickname: str(f.nickname)! } : {}),
      metadata: metadataOf(f.metadata),
      ...(bool(f.active) !== undefined ? { active: bool(f.active)! } : {}),
    }),
  ),
);
route('GET', '/v1/prices', ({ store, form: f }) => {
  const keys = list(f.lookup_keys).filter((v): v is string => typeof v === 'string');
  const active = bool(f.active);
  const product = str(f.product);
  const type = str(f.type);
  return listAnswer(
    store,
    f,
    store.listOf(
      'price',
      (p) =>
        (keys.length === 0 || keys.includes(p.lookup_key as string)) &&
        (active === undefined || p.active === active) &&
        (!product || p.product === product) &&
        (!type || p.type === type),
      '/v1/prices',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});
route('GET', '/v1/prices/:id', ({ store, form: f, params: [id] }) => answer(store, f, store.get('price', id)));
route('POST', '/v1/prices/:id', ({ store, form: f, params: [id] }) => {
  const current = store.get('price', id);
  return answer(
    store,
    f,
    store.updatePrice(id!, {
      ...(bool(f.active) !== undefined ? { active: bool(f.active)! } : {}),
      ...(f.lookup_key !== undefined ? { lookupKey: str(f.lookup_key) ?? '' } : {}),
      transferLookupKey: bool(f.transfer_lookup_key) ?? false,
      ...(f.nickname !== undefined ? { nickname: str(f.nickname) ?? '' } : {}),
      ...(f.metadata !== undefined
        ? { metadata: metadataOf(f.metadata, current.metadata as Record<string, string>) }
        : {}),
    }),
  );
});

// ── Payment intents, charges, refunds ────────────────────────────────────────

route('POST', '/v1/payment_intents', ({ store, form: f }) => {
  const pi = store.createPaymentIntent({
    amount: int(f.amount),
    currency: currencyOf(f.currency),
    ...(str(f.customer) ? { customer: str(f.customer)! } : {}),
    metadata: metadataOf(f.metadata),
    ...(str(f.description) ? { description: str(f.description)! } : {}),
    ...(str(f.receipt_email) ? { receiptEmail: str(f.receipt_email)! } : {}),
    ...(str(f.payment_method) ? { paymentMethod: str(f.payment_method)! } : {}),
  });
  if (bool(f.confirm)) store.confirmPaymentIntent(pi.id as string);
  return answer(store, f, pi);
});
route('GET', '/v1/payment_intents', ({ store, form: f }) => {
  const customer = str(f.customer);
  return listAnswer(
    store,
    f,
    store.listOf(
      'payment_intent',
      (p) => !customer || p.customer === customer,
      '/v1/payment_intents',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});
route('GET', '/v1/payment_intents/:id', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.get('payment_intent', id)),
);
route('POST', '/v1/payment_intents/:id', ({ store, form: f, params: [id] }) => {
  const current = store.get('payment_intent', id);
  return answer(
    store,
    f,
    store.updatePaymentIntent(id!, {
      ...(int(f.amount) !== undefined ? { amount: int(f.amount)! } : {}),
      ...(f.metadata !== undefined
        ? { metadata: metadataOf(f.metadata, current.metadata as Record<string, string>) }
        : {}),
      ...(str(f.description) ? { description: str(f.description)! } : {}),
    }),
  );
});
route('POST', '/v1/payment_intents/:id/confirm', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.confirmPaymentIntent(id!, str(f.payment_method))),
);
route('POST', '/v1/payment_intents/:id/cancel', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.cancelPaymentIntent(id!, str(f.cancellation_reason))),
);

route('GET', '/v1/charges/:id', ({ store, form: f, params: [id] }) => answer(store, f, store.get('charge', id)));
route('GET', '/v1/charges', ({ store, form: f }) => {
  const pi = str(f.payment_intent);
  const customer = str(f.customer);
  return listAnswer(
    store,
    f,
    store.listOf(
      'charge',
      (c) => (!pi || c.payment_intent === pi) && (!customer || c.customer === customer),
      '/v1/charges',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});

route('POST', '/v1/refunds', ({ store, form: f }) =>
  answer(
    store,
    f,
    store.createRefund({
      ...(str(f.payment_intent) ? { paymentIntent: str(f.payment_intent)! } : {}),
      ...(str(f.charge) ? { charge: str(f.charge)! } : {}),
      ...(int(f.amount) !== undefined ? { amount: int(f.amount)! } : {}),
      ...(str(f.reason) ? { reason: str(f.reason)! } : {}),
      metadata: metadataOf(f.metadata),
    }),
  ),
);
route('GET', '/v1/refunds/:id', ({ store, form: f, params: [id] }) => answer(store, f, store.get('refund', id)));
route('GET', '/v1/refunds', ({ store, form: f }) => {
  const pi = str(f.payment_intent);
  const charge = str(f.charge);
  return listAnswer(
    store,
    f,
    store.listOf(
      'refund',
      (r) => (!pi || r.payment_intent === pi) && (!charge || r.charge === charge),
      '/v1/refunds',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});

// ── Checkout ─────────────────────────────────────────────────────────────────

route('POST', '/v1/checkout/sessions', ({ store, form: f }) => {
  const pid = obj(f.payment_intent_data);
  const session = store.createCheckoutSession({
    mode: str(f.mode),
    lineItems: list(f.line_items).map((raw) => {
      const li = obj(raw);
      const pd = obj(li.price_data);
      const product = obj(pd.product_data);
      return {
        ...(str(li.price) ? { price: str(li.price)! } : {}),
        ...(li.price_data !== undefined
          ? {
              priceData: {
                ...(currencyOf(pd.currency) ? { currency: currencyOf(pd.currency)! } : {}),
                ...(int(pd.unit_amount) !== undefined ? { unitAmount: int(pd.unit_amount)! } : {}),
                ...(str(product.name) ? { name: str(product.name)! } : {}),
                ...(str(product.description) ? { description: str(product.description)! } : {}),
                ...(recurringOf(pd.recurring) ? { recurring: recurringOf(pd.recurring)! } : {}),
              },
            }
          : {}),
        quantity: int(li.quantity) ?? 1,
      };
    }),
    ...(str(f.customer) ? { customer: str(f.customer)! } : {}),
    ...(str(f.customer_email) ? { customerEmail: str(f.customer_email)! } : {}),
    ...(str(f.client_reference_id) ? { clientReferenceId: str(f.client_reference_id)! } : {}),
    metadata: metadataOf(f.metadata),
    ...(str(f.success_url) ? { successUrl: str(f.success_url)! } : {}),
    ...(str(f.cancel_url) ? { cancelUrl: str(f.cancel_url)! } : {}),
    ...(int(f.expires_at) !== undefined ? { expiresAt: int(f.expires_at)! } : {}),
    paymentIntentMetadata: metadataOf(pid.metadata),
    ...(str(pid.description) ? { paymentIntentDescription: str(pid.description)! } : {}),
    subscriptionMetadata: metadataOf(obj(f.subscription_data).metadata),
  });
  return answer(store, f, session);
});
route('GET', '/v1/checkout/sessions', ({ store, form: f }) => {
  const pi = str(f.payment_intent);
  const customer = str(f.customer);
  const status = str(f.status);
  const subscription = str(f.subscription);
  return listAnswer(
    store,
    f,
    store.listOf(
      'checkout.session',
      (s) =>
        (!pi || s.payment_intent === pi) &&
        (!customer || s.customer === customer) &&
        (!status || s.status === status) &&
        (!subscription || s.subscription === subscription),
      '/v1/checkout/sessions',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});
route('GET', '/v1/checkout/sessions/:id', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.get('checkout.session', id)),
);
route(
  'GET',
  '/v1/checkout/sessions/:id/line_items',
  ({ store, params: [id] }) => publicView(store.checkoutLineItems(store.get('checkout.session', id))) as Json,
);
route('POST', '/v1/checkout/sessions/:id/expire', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.expireCheckoutSession(id!)),
);

// ── Subscriptions and invoices ───────────────────────────────────────────────

function firstItem(f: FormObject): FormObject {
  return obj(list(f.items)[0]);
}

route('POST', '/v1/subscriptions', ({ store, form: f }) => {
  const item = firstItem(f);
  if (list(f.items).length !== 1)
    throw invalid('The local Stripe supports subscriptions with exactly one item.', 'items');
  return answer(
    store,
    f,
    store.createSubscription({
      customer: str(f.customer),
      price: str(item.price),
      ...(int(item.quantity) !== undefined ? { quantity: int(item.quantity)! } : {}),
      ...(str(f.default_payment_method) ? { defaultPaymentMethod: str(f.default_payment_method)! } : {}),
      metadata: metadataOf(f.metadata),
      behavior: str(f.payment_behavior) ?? 'allow_incomplete',
    }),
  );
});
route('GET', '/v1/subscriptions', ({ store, form: f }) => {
  const customer = str(f.customer);
  const status = str(f.status);
  const price = str(f.price);
  return listAnswer(
    store,
    f,
    store.listOf(
      'subscription',
      (s) =>
        (!customer || s.customer === customer) &&
        // Without a status, Stripe lists every subscription that is not canceled.
        (status === 'all' || (status ? s.status === status : s.status !== 'canceled')) &&
        (!price || ((s.items as Json).data as Json[]).some((i) => (i.price as Json).id === price)),
      '/v1/subscriptions',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});
route('GET', '/v1/subscriptions/:id', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.get('subscription', id)),
);
route('POST', '/v1/subscriptions/:id', ({ store, form: f, params: [id] }) => {
  const current = store.get('subscription', id);
  const item = firstItem(f);
  return answer(
    store,
    f,
    store.updateSubscription(id!, {
      ...(bool(f.cancel_at_period_end) !== undefined ? { cancelAtPeriodEnd: bool(f.cancel_at_period_end)! } : {}),
      ...(f.metadata !== undefined
        ? { metadata: metadataOf(f.metadata, current.metadata as Record<string, string>) }
        : {}),
      ...(str(item.price) ? { price: str(item.price)! } : {}),
      ...(str(item.id) ? { itemId: str(item.id)! } : {}),
      ...(str(f.default_payment_method) ? { defaultPaymentMethod: str(f.default_payment_method)! } : {}),
    }),
  );
});
route('DELETE', '/v1/subscriptions/:id', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.cancelSubscription(id!)),
);

route('GET', '/v1/invoices', ({ store, form: f }) => {
  const customer = str(f.customer);
  const subscription = str(f.subscription);
  const status = str(f.status);
  return listAnswer(
    store,
    f,
    store.listOf(
      'invoice',
      (i) =>
        (!customer || i.customer === customer) &&
        (!status || i.status === status) &&
        (!subscription ||
          ((i.parent as Json | null)?.subscription_details as Json | null)?.subscription === subscription),
      '/v1/invoices',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});
route('GET', '/v1/invoices/:id', ({ store, form: f, params: [id] }) => answer(store, f, store.get('invoice', id)));
route('POST', '/v1/invoices/:id/pay', ({ store, form: f, params: [id] }) =>
  answer(store, f, store.payInvoice(id!, str(f.payment_method))),
);

// ── Events and webhook endpoints ─────────────────────────────────────────────

route('GET', '/v1/events/:id', ({ store, form: f, params: [id] }) => answer(store, f, store.get('event', id)));
route('GET', '/v1/events', ({ store, form: f }) => {
  const type = str(f.type);
  const types = list(f.types).filter((v): v is string => typeof v === 'string');
  return listAnswer(
    store,
    f,
    store.listOf(
      'event',
      (e) =>
        (!type || e.type === type || (type.endsWith('*') && (e.type as string).startsWith(type.slice(0, -1)))) &&
        (types.length === 0 || types.includes(e.type as string)),
      '/v1/events',
      limitOf(f),
      str(f.starting_after),
    ),
  );
});

route('POST', '/v1/webhook_endpoints', ({ form: f, addEndpoint }) => {
  const url = str(f.url);
  if (!url || !URL.canParse(url)) throw invalid('Missing required param: url.', 'url');
  const events = list(f.enabled_events).filter((v): v is string => typeof v === 'string');
  if (events.length === 0) throw invalid('Missing required param: enabled_events.', 'enabled_events');
  return addEndpoint(url, events);
});
route('GET', '/v1/webhook_endpoints', ({ listEndpoints }) => ({
  object: 'list',
  data: listEndpoints().map(({ secret: _secret, ...e }) => e),
  has_more: false,
  url: '/v1/webhook_endpoints',
}));
route('DELETE', '/v1/webhook_endpoints/:id', ({ removeEndpoint, params: [id] }) => removeEndpoint(id!));

export const newRequestId = () => newId('req', 14);
