// Enrollments (with lesson progress) and reviews. Program counters (enrolledCount, reviewCount,
// ratingTotal) and review helpfulCount are computed from these rows, never typed in.
import type { EnrollmentSource, EnrollmentStatus } from '@learningpt/db';

export type Feature = 'chatbot' | 'documentation' | 'examSimulator';

export interface SeedEnrollment {
  user: string;
  program: string;
  source: EnrollmentSource;
  /** Which features the enrollment unlocks. */
  access: 'all' | 'none' | readonly Feature[];
  /** Days relative to BASE_DATE. */
  day: number;
  /** The first N lessons of the program (in curriculum order) are completed. */
  completedLessons: number;
  /** Defaults to 'completed' when every lesson is done, else 'active'. */
  status?: EnrollmentStatus;
  /** Key of the order that paid for it (see billing.ts). */
  order?: string;
}

export const ENROLLMENTS: readonly SeedEnrollment[] = [
  // John: Basic subscriber since day -60, plus free programs and one refunded purchase.
  { user: 'john', program: 'typescript-fundamentals', source: 'free', access: 'all', day: -140, completedLessons: 4 },
  { user: 'john', program: 'git-and-github-for-teams', source: 'free', access: 'all', day: -100, completedLessons: 4 },
  {
    user: 'john',
    program: 'full-stack-development-bootcamp',
    source: 'subscription',
    access: 'all',
    day: -55,
    completedLessons: 2,
  },
  { user: 'john', program: 'react-mastery', source: 'subscription', access: 'all', day: -50, completedLessons: 1 },
  {
    user: 'john',
    program: 'aws-cloud-practitioner-prep',
    source: 'subscription',
    access: 'all',
    day: -40,
    completedLessons: 3,
  },
  {
    user: 'john',
    program: 'swiftui-essentials',
    source: 'purchase',
    access: 'none',
    day: -30,
    completedLessons: 0,
    status: 'cancelled',
    order: 'swiftui-refunded',
  },
  // Alice: bought React Mastery, follows free courses.
  { user: 'alice', program: 'css-layout-essentials', source: 'free', access: 'all', day: -110, completedLessons: 4 },
  { user: 'alice', program: 'typescript-fundamentals', source: 'free', access: 'all', day: -100, completedLessons: 2 },
  {
    user: 'alice',
    program: 'react-mastery',
    source: 'purchase',
    access: 'all',
    day: -70,
    completedLessons: 3,
    order: 'alice-react',
  },
  { user: 'alice', program: 'figma-for-beginners', source: 'free', access: 'all', day: -60, completedLessons: 1 },
  // Omar: data track; bought documentation + exam simulator of Python with a coupon.
  { user: 'omar', program: 'sql-for-analysts', source: 'free', access: 'all', day: -90, completedLessons: 4 },
  {
    user: 'omar',
    program: 'python-for-data-analysis',
    source: 'purchase',
    access: ['documentation', 'examSimulator'],
    day: -35,
    completedLessons: 3,
    order: 'omar-python',
  },
  // Mei: Premium subscriber since day -25.
  { user: 'mei', program: 'figma-for-beginners', source: 'free', access: 'all', day: -80, completedLessons: 4 },
  { user: 'mei', program: 'ux-research-methods', source: 'subscription', access: 'all', day: -24, completedLessons: 2 },
  {
    user: 'mei',
    program: 'data-visualization-storytelling',
    source: 'subscription',
    access: 'all',
    day: -20,
    completedLessons: 1,
  },
  // Zoë: scholarship access to React Mastery granted by the admin; earned its certificate.
  { user: 'zoe', program: 'typescript-fundamentals', source: 'free', access: 'all', day: -75, completedLessons: 4 },
  { user: 'zoe', program: 'react-mastery', source: 'admin', access: 'all', day: -60, completedLessons: 4 },
  // Amara: free courses; a Docker checkout is still pending (no enrollment yet).
  { user: 'amara', program: 'linux-command-line-basics', source: 'free', access: 'all', day: -58, completedLessons: 4 },
  { user: 'amara', program: 'sql-for-analysts', source: 'free', access: 'all', day: -40, completedLessons: 1 },
  // Victor (banned later).
  { user: 'victor', program: 'figma-for-beginners', source: 'free', access: 'all', day: -44, completedLessons: 0 },
];

export interface SeedReview {
  user: string;
  program: string;
  rating: 1 | 2 | 3 | 4 | 5;
  comment: string;
  day: number;
  /** Users who marked the review helpful. */
  helpfulBy: readonly string[];
}

export const REVIEWS: readonly SeedReview[] = [
  {
    user: 'alice',
    program: 'react-mastery',
    rating: 5,
    comment: 'Excellent course! The hooks section finally made useEffect click for me.',
    day: -30,
    helpfulBy: ['john', 'zoe', 'mei'],
  },
  {
    user: 'zoe',
    program: 'react-mastery',
    rating: 5,
    comment: 'Clear explanations and the AI tutor answered every question I had at 2am.',
    day: -12,
    helpfulBy: ['alice'],
  },
  {
    user: 'john',
    program: 'react-mastery',
    rating: 4,
    comment: 'Great depth. I would love a module on testing components.',
    day: -8,
    helpfulBy: [],
  },
  {
    user: 'john',
    program: 'typescript-fundamentals',
    rating: 5,
    comment: 'The best free TypeScript introduction I have found.',
    day: -110,
    helpfulBy: ['alice', 'zoe'],
  },
  {
    user: 'alice',
    program: 'typescript-fundamentals',
    rating: 4,
    comment: 'Short and practical. The generics lesson was a bit fast.',
    day: -70,
    helpfulBy: [],
  },
  {
    user: 'zoe',
    program: 'typescript-fundamentals',
    rating: 5,
    comment: 'Perfect before starting React Mastery.',
    day: -62,
    helpfulBy: ['john'],
  },
  {
    user: 'alice',
    program: 'css-layout-essentials',
    rating: 5,
    comment: 'Grid finally makes sense. Loved the auto-fill example.',
    day: -90,
    helpfulBy: ['mei'],
  },
  {
    user: 'john',
    program: 'git-and-github-for-teams',
    rating: 5,
    comment: 'Should be required for every new developer on my team.',
    day: -80,
    helpfulBy: [],
  },
  {
    user: 'john',
    program: 'full-stack-development-bootcamp',
    rating: 4,
    comment: 'Solid structure, and the session authentication lesson is excellent.',
    day: -20,
    helpfulBy: ['alice'],
  },
  {
    user: 'john',
    program: 'aws-cloud-practitioner-prep',
    rating: 3,
    comment: 'Good overview, but I wanted more practice questions before the real exam.',
    day: -15,
    helpfulBy: ['amara'],
  },
  {
    user: 'omar',
    program: 'sql-for-analysts',
    rating: 4,
    comment: 'Window functions explained better than anywhere else.',
    day: -60,
    helpfulBy: ['amara'],
  },
  {
    user: 'omar',
    program: 'python-for-data-analysis',
    rating: 4,
    comment: 'Very practical. The cleaning lesson saved me hours at work.',
    day: -10,
    helpfulBy: [],
  },
  {
    user: 'mei',
    program: 'figma-for-beginners',
    rating: 5,
    comment: 'Auto layout explained with CSS in mind: exactly what I needed.',
    day: -55,
    helpfulBy: ['alice', 'victor'],
  },
  {
    user: 'alice',
    program: 'figma-for-beginners',
    rating: 4,
    comment: 'Good starting point for developers who design a little.',
    day: -40,
    helpfulBy: [],
  },
  {
    user: 'mei',
    program: 'ux-research-methods',
    rating: 4,
    comment: 'The interview techniques changed how I talk to clients.',
    day: -5,
    helpfulBy: [],
  },
  {
    user: 'amara',
    program: 'linux-command-line-basics',
    rating: 5,
    comment: 'set -euo pipefail alone was worth it.',
    day: -35,
    helpfulBy: ['john', 'omar'],
  },
];
