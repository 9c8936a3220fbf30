// Instructor applications, AI tutor conversations and usage, notifications and the audit log.
import type { ApplicationStatus, ChatRole } from '@learningpt/db';

export interface SeedApplication {
  user: string;
  bio: string;
  expertise: string[];
  experience: string;
  education: string;
  socialLinks: Record<string, string>;
  sampleWork?: string;
  status: ApplicationStatus;
  /** Days relative to BASE_DATE. */
  day: number;
  review?: { by: string; day: number; reason?: string };
}

export const APPLICATIONS: readonly SeedApplication[] = [
  {
    user: 'jane',
    bio: 'Ten years building React and Node.js products; I run internal frontend training at my company.',
    expertise: ['React', 'TypeScript', 'Node.js'],
    experience: 'Staff engineer at a fintech scale-up; previously agency developer.',
    education: 'BSc Computer Science, University of Waterloo',
    socialLinks: { github: 'https://github.com/janesmith-dev' },
    sampleWork: 'https://janesmith.dev/talks',
    status: 'approved',
    day: -228,
    review: { by: 'admin', day: -225 },
  },
  {
    user: 'marcus',
    bio: 'Data scientist and cloud architect with production ML experience.',
    expertise: ['Python', 'Machine Learning', 'AWS'],
    experience: 'Lead data scientist, logistics platform (6 years).',
    education: 'MSc Statistics, National University of Singapore',
    socialLinks: { linkedin: 'https://linkedin.com/in/marcuschen-data' },
    status: 'approved',
    day: -218,
    review: { by: 'admin', day: -214 },
  },
  {
    user: 'sofia',
    bio: 'Product designer and growth marketer; I mentor designers moving into product.',
    expertise: ['UI Design', 'UX Research', 'Marketing'],
    experience: 'Head of Growth at a SaaS startup; product designer before that.',
    education: 'BA Design, Elisava Barcelona',
    socialLinks: { dribbble: 'https://dribbble.com/sofiaalvarez' },
    sampleWork: 'https://sofiaalvarez.design',
    status: 'approved',
    day: -207,
    review: { by: 'admin', day: -204 },
  },
  {
    user: 'omar',
    bio: 'I would like to teach Excel to analysts.',
    expertise: ['Excel'],
    experience: 'Two years as an operations analyst.',
    education: 'BBA, University of Jordan',
    socialLinks: {},
    status: 'rejected',
    day: -40,
    review: {
      by: 'admin',
      day: -37,
      reason: 'We need more teaching experience for now; please apply again after publishing some tutorials.',
    },
  },
  {
    user: 'amara',
    bio: 'Cloud engineer with five years of AWS and Kubernetes experience. I run a DevOps study group for 200 members.',
    expertise: ['AWS', 'Kubernetes', 'Terraform', 'DevOps'],
    experience: 'Senior cloud engineer at a payments company; AWS Solutions Architect Professional.',
    education: 'BEng Computer Engineering, University of Lagos',
    socialLinks: { linkedin: 'https://linkedin.com/in/amara-okafor-cloud', github: 'https://github.com/amaraokafor' },
    sampleWork: 'https://github.com/amaraokafor/k8s-workshop',
    status: 'pending',
    day: -4,
  },
];

export interface SeedChatSession {
  key: string;
  user: string;
  program?: string;
  title: string;
  /** Days relative to BASE_DATE of the first message. */
  day: number;
  hour: number;
  deleted?: boolean;
  /** Messages one minute apart. */
  messages: { role: ChatRole; content: string; tokens?: number }[];
}

const MODEL = 'gpt-4o-mini';
export const CHAT_MODEL = MODEL;

export const CHAT_SESSIONS: readonly SeedChatSession[] = [
  {
    key: 'zoe-hooks',
    user: 'zoe',
    program: 'react-mastery',
    title: 'React Hooks Discussion',
    day: -20,
    hour: 21,
    messages: [
      { role: 'user', content: 'What are React Hooks, in simple terms?', tokens: 12 },
      {
        role: 'assistant',
        content:
          'Hooks are functions that let a function component "hook into" React features. useState gives it memory between renders, and useEffect lets it synchronise with things outside React, like timers or subscriptions.',
        tokens: 52,
      },
      { role: 'user', content: 'Why does my effect run twice in development?', tokens: 11 },
      {
        role: 'assistant',
        content:
          'In development, React Strict Mode mounts, unmounts and re-mounts components once to help you find effects that lack a cleanup. If your effect subscribes to something, return a function that unsubscribes and the double run becomes harmless.',
        tokens: 58,
      },
    ],
  },
  {
    key: 'john-aws',
    user: 'john',
    program: 'aws-cloud-practitioner-prep',
    title: 'Shared responsibility model',
    day: -15,
    hour: 20,
    messages: [
      { role: 'user', content: 'Who is responsible for patching EC2 instances?', tokens: 10 },
      {
        role: 'assistant',
        content:
          'You are. AWS secures the hardware and the hypervisor ("security of the cloud"), but the guest operating system on an EC2 instance is yours to patch ("security in the cloud"). With managed services such as Lambda, AWS patches the servers for you.',
        tokens: 61,
      },
    ],
  },
  {
    key: 'omar-pandas',
    user: 'omar',
    program: 'python-for-data-analysis',
    title: 'Counting missing values',
    day: -5,
    hour: 9,
    messages: [
      { role: 'user', content: 'How do I count missing values in each column?', tokens: 11 },
      {
        role: 'assistant',
        content: 'Use df.isna().sum(). isna() marks each missing cell as True, and sum() counts the Trues per column.',
        tokens: 29,
      },
    ],
  },
  {
    key: 'john-career',
    user: 'john',
    title: 'What should I learn next?',
    day: -2,
    hour: 18,
    messages: [
      {
        role: 'user',
        content: 'I know TypeScript and some React. What should I learn next to get a full-stack job?',
        tokens: 21,
      },
      {
        role: 'assistant',
        content:
          'Finish the Full Stack Development Bootcamp: it adds the API and database side to what you know. Then build one complete project with authentication and deploy it; employers value a working app over a list of courses.',
        tokens: 49,
      },
    ],
  },
  {
    key: 'alice-deleted',
    user: 'alice',
    title: 'CSS grid question',
    day: -30,
    hour: 12,
    deleted: true,
    messages: [
      { role: 'user', content: 'What does 1fr mean?', tokens: 6 },
      { role: 'assistant', content: 'One fraction of the free space in the grid container.', tokens: 13 },
    ],
  },
];

export interface SeedNotification {
  user: string;
  type: string;
  title: string;
  body: string;
  link?: string;
  day: number;
  hour: number;
  read: boolean;
}

export const NOTIFICATIONS: readonly SeedNotification[] = [
  {
    user: 'zoe',
    type: 'certificate',
    title: 'Certificate issued',
    body: 'You passed the React Hooks Quiz and earned your React Mastery certificate.',
    link: '/profile',
    day: -14,
    hour: 10,
    read: true,
  },
  {
    user: 'zoe',
    type: 'event',
    title: 'React Meetup is coming up',
    body: 'React Meetup: January Edition starts on 20 January.',
    day: -1,
    hour: 9,
    read: false,
  },
  {
    user: 'john',
    type: 'subscription',
    title: 'Subscription renewed',
    body: 'Your Basic plan renewed for another month.',
    link: '/profile',
    day: 0,
    hour: 0,
    read: false,
  },
  {
    user: 'john',
    type: 'quiz_result',
    title: 'Quiz result: 50%',
    body: 'You scored 50% on the Cloud Practitioner Practice Exam. You need 70% to pass; try again when ready.',
    link: '/programs/aws-cloud-practitioner-prep',
    day: -16,
    hour: 22,
    read: true,
  },
  {
    user: 'john',
    type: 'payment',
    title: 'Refund processed',
    body: 'Your refund of $8.99 for SwiftUI Essentials has been processed.',
    link: '/profile',
    day: -28,
    hour: 11,
    read: true,
  },
  {
    user: 'alice',
    type: 'payment',
    title: 'Payment received',
    body: 'Thanks for your purchase of React Mastery (bundle).',
    link: '/profile',
    day: -70,
    hour: 10,
    read: true,
  },
  {
    user: 'mei',
    type: 'subscription',
    title: 'Subscription cancelled',
    body: 'Your Premium plan will end on the last day of the current period.',
    link: '/profile',
    day: -3,
    hour: 15,
    read: false,
  },
  {
    user: 'omar',
    type: 'instructor_application',
    title: 'Instructor application update',
    body: "Your application was not approved this time. See the reviewer's note for details.",
    link: '/teach/apply',
    day: -37,
    hour: 14,
    read: true,
  },
  {
    user: 'jane',
    type: 'enrollment',
    title: 'New student enrolled',
    body: 'Alice Johnson enrolled in React Mastery.',
    link: '/teach/programs',
    day: -70,
    hour: 10,
    read: true,
  },
  {
    user: 'jane',
    type: 'review',
    title: 'New review',
    body: 'John Doe rated React Mastery 4 stars.',
    link: '/programs/react-mastery',
    day: -8,
    hour: 12,
    read: false,
  },
  {
    user: 'admin',
    type: 'instructor_application',
    title: 'New instructor application',
    body: 'Amara Okafor applied to become an instructor.',
    day: -4,
    hour: 9,
    read: false,
  },
  {
    user: 'admin',
    type: 'system',
    title: 'Pending testimonial',
    body: 'A new testimonial is waiting for moderation.',
    day: -1,
    hour: 9,
    read: false,
  },
];

export interface SeedAuditLog {
  actor: string | null;
  action: string;
  entityType: string;
  /** Resolved by the seed: 'user:<key>', 'program:<slug>', 'application:<user>', 'order:<key>', 'enrollment:<user>/<slug>', 'testimonial:<index>'. */
  entity: string;
  data?: Record<string, string | number | boolean>;
  day: number;
  hour: number;
}

export const AUDIT_LOGS: readonly SeedAuditLog[] = [
  {
    actor: 'admin',
    action: 'instructor.approve',
    entityType: 'InstructorApplication',
    entity: 'application:jane',
    day: -225,
    hour: 2,
  },
  {
    actor: 'admin',
    action: 'instructor.approve',
    entityType: 'InstructorApplication',
    entity: 'application:marcus',
    day: -214,
    hour: 2,
  },
  {
    actor: 'admin',
    action: 'instructor.approve',
    entityType: 'InstructorApplication',
    entity: 'application:sofia',
    day: -204,
    hour: 2,
  },
  {
    actor: 'admin',
    action: 'program.feature',
    entityType: 'Program',
    entity: 'program:react-mastery',
    data: { featured: true },
    day: -150,
    hour: 3,
  },
  {
    actor: 'admin',
    action: 'program.feature',
    entityType: 'Program',
    entity: 'program:aws-cloud-practitioner-prep',
    data: { featured: true },
    day: -120,
    hour: 3,
  },
  {
    actor: 'jane',
    action: 'program.status',
    entityType: 'Program',
    entity: 'program:clean-code-in-practice',
    data: { from: 'published', to: 'archived' },
    day: -90,
    hour: 5,
  },
  {
    actor: 'admin',
    action: 'enrollment.grant',
    entityType: 'Enrollment',
    entity: 'enrollment:zoe/react-mastery',
    data: { reason: 'Scholarship' },
    day: -60,
    hour: 0,
  },
  {
    actor: 'marcus',
    action: 'program.delete',
    entityType: 'Program',
    entity: 'program:hadoop-mapreduce-legacy',
    day: -50,
    hour: 4,
  },
  {
    actor: 'admin',
    action: 'instructor.reject',
    entityType: 'InstructorApplication',
    entity: 'application:omar',
    data: { reason: 'More teaching experience needed' },
    day: -37,
    hour: 5,
  },
  {
    actor: 'admin',
    action: 'order.refund',
    entityType: 'Order',
    entity: 'order:swiftui-refunded',
    data: { amount: 899, currency: 'USD' },
    day: -28,
    hour: 2,
  },
  {
    actor: 'admin',
    action: 'testimonial.reject',
    entityType: 'Testimonial',
    entity: 'testimonial:4',
    day: -20,
    hour: 1,
  },
  {
    actor: 'admin',
    action: 'user.ban',
    entityType: 'User',
    entity: 'user:victor',
    data: { reason: 'Spam in reviews and testimonials' },
    day: -20,
    hour: 1,
  },
  {
    actor: null,
    action: 'subscription.renew',
    entityType: 'Subscription',
    entity: 'subscription:john-basic',
    data: { source: 'stripe webhook' },
    day: 0,
    hour: 0,
  },
];
