import { describe, expect, it } from 'vitest';
import { metadataOf, parseForm } from './form';

describe('parseForm (Stripe bracket encoding)', () => {
  it('nests objects and indexed arrays as the stripe SDK encodes them', () => {
    const form = parseForm(
      'mode=payment&metadata[orderId]=o%201&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=3499' +
        '&line_items[0][quantity]=1&line_items[1][price]=price_x&expand[0]=payment_intent&expand[1]=line_items',
    );
    expect(form).toEqual({
      mode: 'payment',
      metadata: { orderId: 'o 1' },
      line_items: [{ price_data: { currency: 'usd', unit_amount: '3499' }, quantity: '1' }, { price: 'price_x' }],
      expand: ['payment_intent', 'line_items'],
    });
  });

  it('keeps array order by index, and takes empty-bracket appends', () => {
    expect(parseForm('a[10]=k&a[2]=c&a[0]=a')).toEqual({ a: ['a', 'c', 'k'] });
    expect(parseForm('lookup_keys[]=x&lookup_keys[]=y')).toEqual({ lookup_keys: ['x', 'y'] });
  });

  it('an empty metadata value removes the key, as Stripe does on update', () => {
    const form = parseForm('metadata[a]=&metadata[b]=2');
    expect(metadataOf(form.metadata, { a: '1', c: '3' })).toEqual({ b: '2', c: '3' });
  });
});
