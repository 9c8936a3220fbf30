import type { Pricing, ProgramByIdOutput } from '@learningpt/schema';
import { formatMoney } from '../../lib/format';
import { EnrollPanel } from './enroll-panel';

const FEATURES: { key: keyof Omit<Pricing, 'bundle' | 'currency'>; label: string; hint: string }[] = [
  { key: 'chatbot', label: 'AI tutor', hint: 'Ask questions, get explanations' },
  { key: 'documentation', label: 'Documentation', hint: 'Lessons and reference material' },
  { key: 'examSimulator', label: 'Exam simulator', hint: 'Timed practice exams' },
];

function price(amount: number, currency: string) {
  return amount === 0 ? 'Free' : formatMoney(amount, currency);
}

type PricingCardProps = Pick<ProgramByIdOutput, 'isEnrolled' | 'userProgress'> & {
  pricing: Pricing;
  isFree: boolean;
  programId: string;
  slug: string;
};

export function PricingCard({ pricing, isFree, isEnrolled, userProgress, programId, slug }: PricingCardProps) {
  const separately = pricing.chatbot + pricing.documentation + pricing.examSimulator;
  const saving = separately - pricing.bundle;

  return (
    <section
      id="pricing"
      aria-labelledby="pricing-heading"
      className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="pricing-heading" className="text-lg font-semibold text-slate-900">
        Pricing
      </h2>
      {isFree ? (
        <p className="mt-2 text-3xl font-bold text-emerald-600">Free</p>
      ) : (
        <table className="mt-4 w-full text-sm">
          <caption className="sr-only">Price of each feature and of the bundle</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Price</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {FEATURES.map((f) => (
              <tr key={f.key}>
                <th scope="row" className="py-2.5 text-left font-normal">
                  <span className="block font-medium text-slate-800">{f.label}</span>
                  <span className="block text-xs text-slate-500">{f.hint}</span>
                </th>
                <td className="py-2.5 text-right tabular-nums text-slate-700">
                  {price(pricing[f.key], pricing.currency)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-200">
              <th scope="row" className="pt-4 text-left">
                <span className="block font-semibold text-slate-900">Bundle</span>
                <span className="block text-xs font-normal text-slate-500">All three features</span>
              </th>
              <td className="pt-4 text-right">
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
      )}

      <EnrollPanel
        programId={programId}
        slug={slug}
        isFree={isFree}
        isEnrolled={isEnrolled}
        userProgress={userProgress}
      />
    </section>
  );
}
