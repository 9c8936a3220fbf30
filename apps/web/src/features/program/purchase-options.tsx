import type { AccessType, Pricing, ProgramByIdOutput } from '@learningpt/schema';
import { CheckIcon, errorMessage, FormAlert, httpStatus, signInPath, useSession } from '@learningpt/ui';
import { Link, useLocation } from 'react-router';
import { formatMoney } from '../../lib/format';
import { ACCESS_LABELS } from '../billing/billing-labels';
import { useProgramCheckout } from '../billing/use-checkout';

type Feature = Exclude<AccessType, 'bundle'>;
type Access = ProgramByIdOutput['access'];

const FEATURES: { key: Feature; hint: string }[] = [
  { key: 'chatbot', hint: 'Ask questions, get explanations' },
  { key: 'documentation', hint: 'Lessons and reference material' },
  { key: 'examSimulator', hint: 'Timed practice exams' },
];

function price(amount: number, currency: string) {
  return amount === 0 ? 'Free' : formatMoney(amount, currency);
}

/** What the viewer has of one feature, in words (null: nothing yet). */
function ownedLabel(a: Access[Feature]): string | null {
  if (!a.allowed) return null;
  if (a.via === 'subscription') return 'In your plan';
  if (a.via === 'enrollment') return 'Owned';
  return 'Included';
}

function OwnedBadge({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-inset ring-emerald-600/20">
      <CheckIcon className="size-3" />
      {label}
    </span>
  );
}

/**
 * A paid program's price list with a Buy button per feature and for the bundle (Stripe Checkout).
 * What the viewer already has is marked instead; signed-out visitors are sent to sign in and
 * brought back here.
 */
export function PurchaseOptions({
  programId,
  pricing,
  access,
}: {
  programId: string;
  pricing: Pricing;
  access: Access;
}) {
  const session = useSession();
  const location = useLocation();
  const { checkout, busy } = useProgramCheckout();
  const separately = pricing.chatbot + pricing.documentation + pricing.examSimulator;
  const saving = separately - pricing.bundle;
  const staff = FEATURES.some((f) => access[f.key].via === 'admin' || access[f.key].via === 'owner');
  const ownsAll = FEATURES.every((f) => access[f.key].allowed);
  const signInHref = signInPath('/sign-in', { ...location, hash: '#pricing' });
  const pending = busy ? checkout.variables?.accessType : undefined;

  /** The Buy control of one option: a button, or for visitors a link to sign in and come back. */
  const buy = (accessType: AccessType, what: string, amount: number, className: string, text: string) => {
    const verb = amount === 0 ? 'Get' : 'Buy';
    const offer = `${what} for ${price(amount, pricing.currency)}`;
    if (session.status !== 'signed-in') {
      return (
        <Link to={signInHref} className={className} aria-label={`Sign in to ${verb.toLowerCase()} ${offer}`}>
          {text}
        </Link>
      );
    }
    return (
      <button
        type="button"
        className={className}
        aria-label={`${verb} ${offer}`}
        disabled={busy}
        onClick={() => checkout.mutate({ programId, accessType, amount, currency: pricing.currency })}
      >
        {pending === accessType ? 'Starting checkout…' : text}
      </button>
    );
  };

  const small =
    'rounded-md border border-indigo-200 px-2.5 py-1 text-xs font-semibold text-indigo-700 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:opacity-50';
  const conflict = checkout.isError && httpStatus(checkout.error) === 409;

  return (
    <>
      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">Price of each feature and of the bundle</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Price</th>
            <th scope="col">Buy</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {FEATURES.map((f) => {
            const owned = ownedLabel(access[f.key]);
            const label = ACCESS_LABELS[f.key];
            return (
              <tr key={f.key}>
                <th scope="row" className="py-2.5 text-left font-normal">
                  <span className="block font-medium text-slate-800">{label}</span>
                  <span className="block text-xs text-slate-500">{f.hint}</span>
                </th>
                <td className="py-2.5 pl-2 text-right tabular-nums text-slate-700">
                  {price(pricing[f.key], pricing.currency)}
                </td>
                <td className="py-2.5 pl-3 text-right">
                  {owned ? (
                    <OwnedBadge label={owned} />
                  ) : staff ? null : (
                    buy(f.key, label, pricing[f.key], small, pricing[f.key] === 0 ? 'Get' : 'Buy')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-200">
            <th scope="row" className="pt-4 text-left">
              <span className="block font-semibold text-slate-900">Bundle</span>
              <span className="block text-xs font-normal text-slate-500">All three features</span>
            </th>
            <td colSpan={2} className="pt-4 text-right">
              <span className="block text-2xl font-bold tabular-nums text-slate-900">
                {price(pricing.bundle, pricing.currency)}
              </span>
              {saving > 0 && (
                <span className="mt-1 inline-block rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">
                  Save {formatMoney(saving, pricing.currency)}
                </span>
              )}
            </td>
          </tr>
        </tfoot>
      </table>

      <div className="mt-5 space-y-3" aria-live="polite">
        {checkout.isError && (
          <FormAlert tone={conflict ? 'info' : 'error'}>
            <p>{errorMessage(checkout.error)}</p>
            {conflict && (
              <p className="mt-1">
                Your purchases are in{' '}
                <Link to="/billing" className="font-medium underline">
                  Billing
                </Link>
                .
              </p>
            )}
          </FormAlert>
        )}
        {staff ? (
          <p className="text-sm text-slate-600">
            As its instructor or an administrator you have every feature of this program.
          </p>
        ) : ownsAll ? (
          <p className="flex items-center gap-2 text-sm font-medium text-emerald-700">
            <CheckIcon className="size-4" />
            {FEATURES.every((f) => access[f.key].via === 'subscription')
              ? 'Your plan includes every feature of this program.'
              : 'You have every feature of this program.'}
          </p>
        ) : (
          <>
            {buy(
              'bundle',
              'the bundle',
              pricing.bundle,
              'btn-primary w-full',
              session.status === 'signed-in' ? 'Buy the bundle' : 'Sign in to buy the bundle',
            )}
            <p className="text-center text-xs text-slate-500">
              Secure payment with Stripe. Or get programs like this with a{' '}
              <Link to="/pricing" className="font-medium text-indigo-600 hover:underline">
                subscription plan
              </Link>
              .
            </p>
          </>
        )}
      </div>
    </>
  );
}
