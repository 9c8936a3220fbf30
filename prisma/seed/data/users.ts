// Demo people: 1 admin, 3 instructors (with public profiles), 8 students.
import type { Role, UserStatus } from '@learningpt/db';

/** One shared password per role, so argon2 runs three times, not twelve. */
export const DEMO_PASSWORDS = {
  admin: 'admin-demo-pass-2026',
  instructor: 'instructor-demo-pass-2026',
  student: 'student-demo-pass-2026',
} as const satisfies Record<Role, string>;

export interface SeedInstructorProfile {
  headline: string;
  expertise: string[];
  socialLinks: Record<string, string>;
  /** Days relative to BASE_DATE. */
  approvedDay: number;
}

export interface SeedUser {
  key: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  emailVerified: boolean;
  /** Days relative to BASE_DATE (negative = before). */
  createdDay: number;
  /** Days relative to BASE_DATE of the last sign-in; undefined = never signed in. */
  lastLoginDay?: number;
  bio?: string;
  phone?: string;
  city?: string;
  country?: string;
  gender?: string;
  socialLinks?: Record<string, string>;
  preferences?: Record<string, string | number | boolean>;
  instructor?: SeedInstructorProfile;
}

export const ADMIN_EMAIL = 'admin@learningpt.dev';

export const USERS: readonly SeedUser[] = [
  {
    key: 'admin',
    email: ADMIN_EMAIL,
    name: 'Alex Morgan',
    role: 'admin',
    status: 'active',
    emailVerified: true,
    createdDay: -240,
    lastLoginDay: 0,
    bio: 'Platform operations lead at LearninGPT.',
    city: 'London',
    country: 'United Kingdom',
    preferences: { emailNotifications: true, theme: 'dark' },
  },
  {
    key: 'jane',
    email: 'jane.smith@learningpt.dev',
    name: 'Jane Smith',
    role: 'instructor',
    status: 'active',
    emailVerified: true,
    createdDay: -230,
    lastLoginDay: -1,
    bio: 'Senior full-stack engineer with ten years of React and Node.js in production. I teach the way I mentor: small steps, real code, and a lot of "why".',
    city: 'Toronto',
    country: 'Canada',
    gender: 'female',
    socialLinks: {
      twitter: 'https://twitter.com/janesmith_dev',
      linkedin: 'https://linkedin.com/in/janesmith-dev',
      github: 'https://github.com/janesmith-dev',
    },
    preferences: { emailNotifications: true, theme: 'light' },
    instructor: {
      headline: 'Full-stack engineer and React educator',
      expertise: ['React', 'TypeScript', 'Node.js', 'Mobile'],
      socialLinks: {
        twitter: 'https://twitter.com/janesmith_dev',
        linkedin: 'https://linkedin.com/in/janesmith-dev',
        github: 'https://github.com/janesmith-dev',
      },
      approvedDay: -225,
    },
  },
  {
    key: 'marcus',
    email: 'marcus.chen@learningpt.dev',
    name: 'Marcus Chen',
    role: 'instructor',
    status: 'active',
    emailVerified: true,
    createdDay: -220,
    lastLoginDay: -2,
    bio: 'Data scientist and cloud architect. Previously built ML platforms at a logistics company; now I help analysts and engineers ship models that survive contact with production.',
    city: 'Singapore',
    country: 'Singapore',
    gender: 'male',
    socialLinks: { linkedin: 'https://linkedin.com/in/marcuschen-data', github: 'https://github.com/mchen-data' },
    preferences: { emailNotifications: true, theme: 'dark' },
    instructor: {
      headline: 'Data science, machine learning and cloud infrastructure',
      expertise: ['Python', 'Machine Learning', 'AWS', 'Kubernetes', 'SQL'],
      socialLinks: { linkedin: 'https://linkedin.com/in/marcuschen-data', github: 'https://github.com/mchen-data' },
      approvedDay: -214,
    },
  },
  {
    key: 'sofia',
    email: 'sofia.alvarez@learningpt.dev',
    name: 'Sofia Alvarez',
    role: 'instructor',
    status: 'active',
    emailVerified: true,
    createdDay: -210,
    lastLoginDay: -3,
    bio: 'Product designer turned growth lead. I teach design, marketing and product as one craft: understand people, then make something they want.',
    city: 'Barcelona',
    country: 'Spain',
    gender: 'female',
    socialLinks: {
      linkedin: 'https://linkedin.com/in/sofia-alvarez-design',
      dribbble: 'https://dribbble.com/sofiaalvarez',
    },
    preferences: { emailNotifications: false, theme: 'light' },
    instructor: {
      headline: 'Product design, growth marketing and product management',
      expertise: ['UI Design', 'UX Research', 'SEO', 'Product Management'],
      socialLinks: {
        linkedin: 'https://linkedin.com/in/sofia-alvarez-design',
        dribbble: 'https://dribbble.com/sofiaalvarez',
      },
      approvedDay: -204,
    },
  },
  {
    key: 'john',
    email: 'john.doe@learningpt.dev',
    name: 'John Doe',
    role: 'student',
    status: 'active',
    emailVerified: true,
    createdDay: -150,
    lastLoginDay: 0,
    bio: 'Backend developer learning the front end.',
    phone: '+1 415 555 0134',
    city: 'San Francisco',
    country: 'United States',
    gender: 'male',
    preferences: { emailNotifications: true, theme: 'dark' },
  },
  {
    key: 'alice',
    email: 'alice.johnson@learningpt.dev',
    name: 'Alice Johnson',
    role: 'student',
    status: 'active',
    emailVerified: true,
    createdDay: -120,
    lastLoginDay: -1,
    bio: 'Junior front-end developer.',
    city: 'Austin',
    country: 'United States',
    gender: 'female',
    preferences: { emailNotifications: true, theme: 'light' },
  },
  {
    key: 'omar',
    email: 'omar.haddad@learningpt.dev',
    name: 'Omar Haddad',
    role: 'student',
    status: 'active',
    emailVerified: true,
    createdDay: -100,
    lastLoginDay: -4,
    bio: 'Operations analyst moving into data science.',
    city: 'Amman',
    country: 'Jordan',
    gender: 'male',
    preferences: { emailNotifications: true, theme: 'light' },
  },
  {
    key: 'mei',
    email: 'mei.tanaka@learningpt.dev',
    name: 'Mei Tanaka',
    role: 'student',
    status: 'active',
    emailVerified: true,
    createdDay: -90,
    lastLoginDay: -2,
    bio: 'Graphic designer learning UX and data visualisation.',
    city: 'Osaka',
    country: 'Japan',
    gender: 'female',
    preferences: { emailNotifications: false, theme: 'dark' },
  },
  {
    key: 'zoe',
    email: 'zoe.lukasiewicz@learningpt.dev',
    name: 'Zoë Łukasiewicz',
    role: 'student',
    status: 'active',
    emailVerified: true,
    createdDay: -80,
    lastLoginDay: -1,
    bio: 'Computer science student in Kraków.',
    city: 'Kraków',
    country: 'Poland',
    gender: 'female',
    preferences: { emailNotifications: true, theme: 'light' },
  },
  {
    key: 'amara',
    email: 'amara.okafor@learningpt.dev',
    name: 'Amara Okafor',
    role: 'student',
    status: 'active',
    emailVerified: true,
    createdDay: -60,
    lastLoginDay: -3,
    bio: 'Cloud engineer who wants to teach DevOps.',
    city: 'Lagos',
    country: 'Nigeria',
    gender: 'female',
    socialLinks: { linkedin: 'https://linkedin.com/in/amara-okafor-cloud', github: 'https://github.com/amaraokafor' },
    preferences: { emailNotifications: true, theme: 'dark' },
  },
  {
    key: 'priya',
    email: 'priya.sharma@learningpt.dev',
    name: 'Priya Sharma',
    role: 'student',
    status: 'active',
    emailVerified: false, // registered, never clicked the verification link
    createdDay: -2,
    city: 'Pune',
    country: 'India',
  },
  {
    key: 'victor',
    email: 'victor.pryce@learningpt.dev',
    name: 'Victor Pryce',
    role: 'student',
    status: 'banned', // banned by the admin for spamming reviews
    emailVerified: true,
    createdDay: -45,
    lastLoginDay: -20,
    city: 'Leeds',
    country: 'United Kingdom',
  },
];

/** A user can sign in when active and verified. */
export function canSignIn(u: SeedUser): boolean {
  return u.status === 'active' && u.emailVerified;
}
