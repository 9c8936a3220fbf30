import type { Pricing, ProgramByIdOutput } from '@learningpt/schema';
import { EnrollPanel } from './enroll-panel';
import { PurchaseOptions } from './purchase-options';

type PricingCardProps = Pick<ProgramByIdOutput, 'isEnrolled' | 'userProgress' | 'access'> & {
  pricing: Pricing;
  isFree: boolean;
  programId: string;
  slug: string;
};

/**
 * The prices of a program's features and of the bundle, with what the viewer already has and a
 * button to buy the rest; below, enrolling (free programs, or a plan that includes this one) and
 * the way into the lessons.
 */
export function PricingCard({ pricing, isFree, isEnrolled, userProgress, access, programId, slug }: PricingCardProps) {
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
        <PurchaseOptions programId={programId} pricing={pricing} access={access} />
      )}

      <EnrollPanel
        programId={programId}
        slug={slug}
        isFree={isFree}
        isEnrolled={isEnrolled}
        userProgress={userProgress}
        access={access}
      />
    </section>
  );
}
