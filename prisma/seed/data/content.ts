// Blog posts, testimonials and FAQs.
import type { FaqStatus, PostStatus, TestimonialStatus } from '@learningpt/db';

export interface SeedBlogPost {
  slug: string;
  title: string;
  excerpt: string;
  paragraphs: string[];
  author: string;
  category?: string;
  status: PostStatus;
  /** Days relative to BASE_DATE. */
  createdDay: number;
  /** Set for published and archived posts (archived ones were published once). */
  publishedDay?: number;
  tags: string[];
  viewCount: number;
}

export const BLOG_POSTS: readonly SeedBlogPost[] = [
  {
    slug: 'how-to-learn-with-an-ai-tutor',
    title: 'How to Learn with an AI Tutor (Without Letting It Think for You)',
    excerpt: 'Five habits that turn an AI assistant from an answer machine into a study partner.',
    paragraphs: [
      'An AI tutor is at its best when it makes you think, not when it thinks for you. Ask it to explain a concept in two different ways, then explain it back in your own words and ask it to check you.',
      'Ask for hints before answers. When you are stuck on an exercise, request the smallest nudge that gets you moving again; you will remember the solution far better.',
      'Finally, use it to quiz yourself: "ask me five questions about React effects, one at a time, and tell me what I got wrong."',
    ],
    author: 'admin',
    category: 'technology',
    status: 'published',
    createdDay: -40,
    publishedDay: -38,
    tags: ['ai', 'study-tips', 'learning'],
    viewCount: 1840,
  },
  {
    slug: 'react-19-what-changed',
    title: 'React 19: What Actually Changed for Everyday Code',
    excerpt: 'Actions, the use hook and better forms, explained with before-and-after examples.',
    paragraphs: [
      'React 19 makes asynchronous updates first-class. Actions let a form submit to an async function while React tracks the pending state for you.',
      'The new use hook reads a promise or context during render, which simplifies data loading in frameworks that support it.',
      'Most existing components keep working unchanged; upgrade, fix the deprecation warnings, and adopt the new APIs where they remove code.',
    ],
    author: 'jane',
    category: 'web-development',
    status: 'published',
    createdDay: -22,
    publishedDay: -21,
    tags: ['react', 'javascript', 'frontend'],
    viewCount: 962,
  },
  {
    slug: 'passing-the-aws-cloud-practitioner-exam',
    title: 'Passing the AWS Cloud Practitioner Exam on the First Try',
    excerpt: 'A four-week study plan and the topics that trip people up.',
    paragraphs: [
      'The Cloud Practitioner exam rewards breadth over depth. Know what each core service is for, the shared responsibility model, and the pricing options.',
      'Spend the last week on timed practice exams. Review every wrong answer until you can explain why the right option is right.',
    ],
    author: 'marcus',
    category: 'cloud',
    status: 'published',
    createdDay: -15,
    publishedDay: -14,
    tags: ['aws', 'certification', 'cloud'],
    viewCount: 533,
  },
  {
    slug: 'five-ux-research-mistakes',
    title: 'Five UX Research Mistakes (and What to Do Instead)',
    excerpt: 'Leading questions, the wrong participants and other ways research goes astray.',
    paragraphs: [
      'Asking people whether they would use a feature tells you about their politeness, not their behaviour. Ask about the last time they faced the problem instead.',
      'Recruit participants who actually have the problem, and share raw observations with the team before drawing conclusions.',
    ],
    author: 'sofia',
    category: 'design',
    status: 'published',
    createdDay: -9,
    publishedDay: -8,
    tags: ['ux', 'research', 'design'],
    viewCount: 211,
  },
  {
    slug: 'statistics-you-need-for-ab-tests',
    title: 'The Statistics You Actually Need for A/B Tests',
    excerpt: 'Draft: sample size, significance and why peeking is dangerous.',
    paragraphs: ['Work in progress.'],
    author: 'marcus',
    category: 'data-science',
    status: 'draft',
    createdDay: -2,
    tags: ['statistics', 'experiments'],
    viewCount: 0,
  },
  {
    // Taken down by its author: out of the public blog, still in the author's and admins' lists.
    slug: 'summer-2025-study-group-schedule',
    title: 'Summer 2025 Study Group Schedule',
    excerpt: 'When and where the summer study groups met (archived).',
    paragraphs: ['The summer study groups met on Tuesdays and Thursdays. This schedule is no longer current.'],
    author: 'jane',
    category: 'web-development',
    status: 'archived',
    createdDay: -200,
    publishedDay: -198,
    tags: ['community', 'study-groups'],
    viewCount: 87,
  },
];

export interface SeedTestimonial {
  user?: string;
  program?: string;
  authorName: string;
  authorTitle: string;
  rating: 1 | 2 | 3 | 4 | 5;
  title: string;
  content: string;
  status: TestimonialStatus;
  featured: boolean;
  day: number;
}

export const TESTIMONIALS: readonly SeedTestimonial[] = [
  {
    user: 'zoe',
    program: 'react-mastery',
    authorName: 'Zoë Łukasiewicz',
    authorTitle: 'Computer science student, Kraków',
    rating: 5,
    title: 'From confused to certified',
    content:
      'The AI tutor explained hooks until they clicked, and the exam simulator made the real thing feel easy. I earned my React certificate in six weeks.',
    status: 'approved',
    featured: true,
    day: -10,
  },
  {
    user: 'omar',
    program: 'sql-for-analysts',
    authorName: 'Omar Haddad',
    authorTitle: 'Operations analyst',
    rating: 5,
    title: 'SQL finally makes sense',
    content: 'I use window functions at work every day now. The free SQL course is better than paid ones I have taken.',
    status: 'approved',
    featured: true,
    day: -50,
  },
  {
    authorName: 'Dana Whitfield',
    authorTitle: 'Engineering manager, Lumen Logistics',
    rating: 4,
    title: 'Great for upskilling a team',
    content:
      'We put six engineers through the Docker and Kubernetes program. The per-feature pricing let us buy exactly what each person needed.',
    status: 'approved',
    featured: false,
    day: -33,
  },
  {
    user: 'alice',
    program: 'react-mastery',
    authorName: 'Alice Johnson',
    authorTitle: 'Junior front-end developer',
    rating: 5,
    title: 'Worth every cent',
    content: 'The bundle paid for itself with the first interview question I could answer confidently.',
    status: 'pending',
    featured: false,
    day: -1,
  },
  {
    user: 'victor',
    authorName: 'Victor Pryce',
    authorTitle: 'Entrepreneur',
    rating: 5,
    title: 'Buy cheap followers here',
    content: 'Visit my site for the best deals on followers!!!',
    status: 'rejected',
    featured: false,
    day: -21,
  },
];

export interface SeedFaq {
  question: string;
  answer: string;
  category: string;
  status: FaqStatus;
}

/** sortOrder is the position within its category, in this order. */
export const FAQS: readonly SeedFaq[] = [
  {
    category: 'General',
    question: 'What is LearninGPT?',
    answer:
      'An AI-powered learning platform: programs with documentation, an AI tutor that knows the material, an exam simulator and verifiable certificates.',
    status: 'published',
  },
  {
    category: 'General',
    question: 'Can I try it for free?',
    answer:
      'Yes. The Free plan gives you every free program, basic quizzes and 10 AI tutor messages a day, with no card required.',
    status: 'published',
  },
  {
    category: 'Billing',
    question: 'Can I buy a single feature of a program?',
    answer:
      'Yes. Each program sells its chatbot, documentation and exam simulator separately, or all three together as a discounted bundle.',
    status: 'published',
  },
  {
    category: 'Billing',
    question: 'How do I cancel my subscription?',
    answer:
      'Go to Settings → Subscription and choose Cancel. You keep access until the end of the period you have paid for.',
    status: 'published',
  },
  {
    category: 'Billing',
    question: 'Do you offer refunds?',
    answer: 'Program purchases can be refunded within 14 days if you have completed less than 30% of the program.',
    status: 'published',
  },
  {
    category: 'Certificates',
    question: 'How do I earn a certificate?',
    answer:
      "Pass the program's exam in the exam simulator. The certificate is issued automatically with a unique verification code.",
    status: 'published',
  },
  {
    category: 'Certificates',
    question: 'How can an employer verify my certificate?',
    answer: 'Share the verification link or code; anyone can check it on the certificate verification page.',
    status: 'published',
  },
  {
    category: 'AI Tutor',
    question: 'Which AI model powers the tutor?',
    answer: "The tutor uses a large language model from OpenAI or Mistral, grounded in the program's documentation.",
    status: 'published',
  },
  {
    category: 'AI Tutor',
    question: 'Is my chat history private?',
    answer: 'Draft: to be reviewed by legal.',
    status: 'draft',
  },
];
