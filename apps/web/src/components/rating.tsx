import { StarIcon } from '@learningpt/ui';
import { formatCount, formatRating } from '../lib/format';

interface RatingProps {
  rating: number;
  reviews: number;
  className?: string;
}

/** "★ 4.7 (1,234)" with a screen-reader sentence instead of the symbols. */
export function Rating({ rating, reviews, className = '' }: RatingProps) {
  if (reviews === 0) {
    return <span className={`text-sm text-slate-500 ${className}`}>No reviews yet</span>;
  }
  return (
    <span className={`inline-flex items-center gap-1 text-sm ${className}`}>
      <StarIcon className="size-4 text-amber-400" />
      <span className="font-semibold text-slate-900">{formatRating(rating)}</span>
      <span className="text-slate-500">({formatCount(reviews)})</span>
      <span className="sr-only">
        Rated {formatRating(rating)} out of 5 from {reviews} {reviews === 1 ? 'review' : 'reviews'}
      </span>
    </span>
  );
}
