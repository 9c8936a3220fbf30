// The hosted pages: Checkout (pay with a succeeding or a declined test card, or go back), an
// invoice, a receipt, and an overview of what the local Stripe holds.
import type { Json } from './store';

const esc = (s: unknown) =>
  (typeof s === 'string' || typeof s === 'number' ? String(s) : '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

const date = (unix: number) => new Date(unix * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · local Stripe</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f6f9fc;color:#30313d;margin:0}
main{max-width:480px;margin:40px auto;background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.08);padding:32px}
h1{font-size:20px;margin:0 0 4px}.badge{display:inline-block;background:#ffde92;color:#5d3b00;border-radius:4px;padding:2px 6px;font-size:12px;font-weight:600}
table{width:100%;border-collapse:collapse;margin:16px 0}td{padding:6px 0;border-bottom:1px solid #eee}td:last-child{text-align:right}
.total td{font-weight:700;border-bottom:none}button{width:100%;padding:12px;border:0;border-radius:6px;font-size:16px;margin-top:8px;cursor:pointer}
.pay{background:#635bff;color:#fff}.decline{background:#fff;color:#df1b41;border:1px solid #df1b41}.error{background:#fde8ec;color:#a41c4e;padding:10px;border-radius:6px}
.muted{color:#6d6e78;font-size:13px}a{color:#635bff}
</style></head><body><main>${body}</main></body></html>`;
}

export function checkoutPage(session: Json, opts: { error?: string } = {}): string {
  const items = (session._line_items as Json[]) ?? [];
  const currency = session.currency as string;
  const rows = items
    .map(
      (i) =>
        `<tr><td>${esc(i.description)}${(i.quantity as number) > 1 ? ` × ${esc(i.quantity)}` : ''}</td><td>${money(i.amount_total as number, currency)}</td></tr>`,
    )
    .join('');
  const recurring =
    session.mode === 'subscription' ? ((items[0]?.price as Json | undefined)?.recurring as Json | null) : null;
  const per = recurring ? ` / ${esc(recurring.interval)}` : '';
  const head = `<span class="badge">TEST MODE · local Stripe</span><h1>${session.mode === 'subscription' ? 'Subscribe' : 'Pay'}</h1>`;
  if (session.status !== 'open') {
    const what =
      session.status === 'complete' ? 'This checkout is complete: it has been paid.' : 'This checkout has expired.';
    const back =
      session.status === 'complete' ? (session.success_url as string) : (session.cancel_url as string | null);
    return page(
      'Checkout',
      `${head}<p>${what}</p>${back ? `<p><a href="${esc(successUrl(back, session.id as string))}">Return to the site</a></p>` : ''}`,
    );
  }
  const action = `/checkout/${esc(session.id)}`;
  return page(
    'Checkout',
    `${head}<table>${rows}<tr class="total"><td>Total</td><td>${money(session.amount_total as number, currency)}${per}</td></tr></table>
${opts.error ? `<p class="error" role="alert">${esc(opts.error)}</p>` : ''}
<form method="post" action="${action}"><input type="hidden" name="card" value="pm_card_visa"><button class="pay" type="submit">Pay with test card 4242 (succeeds)</button></form>
<form method="post" action="${action}"><input type="hidden" name="card" value="pm_card_chargeDeclined"><button class="decline" type="submit">Pay with test card 0002 (declined)</button></form>
${session.cancel_url ? `<p class="muted"><a href="${esc(session.cancel_url)}">← Cancel and go back</a></p>` : ''}
<p class="muted">Expires ${date(session.expires_at as number)}. No real money moves: this is the local Stripe of the development stack.</p>`,
  );
}

export function successUrl(url: string, sessionId: string): string {
  return url.replaceAll('{CHECKOUT_SESSION_ID}', encodeURIComponent(sessionId));
}

export function invoicePage(invoice: Json): string {
  const lines = ((invoice.lines as Json).data as Json[])
    .map(
      (l) =>
        `<tr><td>${esc(l.description)}<br><span class="muted">${date((l.period as Json).start as number)} – ${date((l.period as Json).end as number)}</span></td><td>${money(l.amount as number, invoice.currency as string)}</td></tr>`,
    )
    .join('');
  return page(
    `Invoice ${invoice.number as string}`,
    `<span class="badge">TEST MODE · local Stripe</span><h1>Invoice ${esc(invoice.number)}</h1>
<p class="muted">${esc(invoice.customer_name ?? invoice.customer_email ?? invoice.customer)} · issued ${date(invoice.created as number)} · <strong>${esc(invoice.status)}</strong></p>
<table>${lines}<tr class="total"><td>Total</td><td>${money(invoice.total as number, invoice.currency as string)}</td></tr>
<tr><td>Paid</td><td>${money(invoice.amount_paid as number, invoice.currency as string)}</td></tr></table>
<p><a href="/invoices/${esc(invoice.id)}/pdf">Download PDF</a></p>`,
  );
}

export function receiptPage(charge: Json): string {
  return page(
    'Receipt',
    `<span class="badge">TEST MODE · local Stripe</span><h1>Receipt</h1>
<table><tr><td>${esc(charge.description ?? 'Payment')}</td><td>${money(charge.amount as number, charge.currency as string)}</td></tr>
<tr><td>Refunded</td><td>${money(charge.amount_refunded as number, charge.currency as string)}</td></tr>
<tr class="total"><td>Status</td><td>${esc(charge.status)}</td></tr></table><p class="muted">${date(charge.created as number)}</p>`,
  );
}

export function indexPage(state: { objects: Json[]; events: Json[]; endpoints: { url: string }[] }): string {
  const count = (kind: string) => state.objects.filter((o) => o.object === kind).length;
  const kinds = [
    'customer',
    'product',
    'price',
    'checkout.session',
    'payment_intent',
    'subscription',
    'invoice',
    'refund',
  ];
  const events = state.events
    .slice(-30)
    .reverse()
    .map(
      (e) =>
        `<tr><td>${esc(e.type)}<br><span class="muted">${esc(e.id)}</span></td><td>${date(e.created as number)}</td></tr>`,
    )
    .join('');
  return page(
    'Local Stripe',
    `<span class="badge">TEST MODE</span><h1>Local Stripe</h1>
<p class="muted">Accepts any sk_test_ key. Objects live in memory until it stops. Webhooks go to: ${state.endpoints.map((e) => esc(e.url)).join(', ') || 'nowhere'}</p>
<table>${kinds.map((k) => `<tr><td>${k}</td><td>${count(k)}</td></tr>`).join('')}</table>
<h1>Latest events</h1><table>${events || '<tr><td>none yet</td><td></td></tr>'}</table>`,
  );
}

/** A one-page PDF with the invoice's lines (Helvetica, Latin-1 text). */
export function invoicePdf(invoice: Json): Buffer {
  const text = [
    `Invoice ${invoice.number as string}  (TEST MODE, local Stripe)`,
    `Status: ${invoice.status as string}`,
    `Issued: ${date(invoice.created as number)}`,
    '',
    ...((invoice.lines as Json).data as Json[]).map(
      (l) => `${l.description as string}    ${money(l.amount as number, invoice.currency as string)}`,
    ),
    '',
    `Total: ${money(invoice.total as number, invoice.currency as string)}`,
    `Paid: ${money(invoice.amount_paid as number, invoice.currency as string)}`,
  ];
  const pdfText = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 12 Tf 72 760 Td 16 TL ${text.map((l) => `(${pdfText(l)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
