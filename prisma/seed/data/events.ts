// Events (Insta iQ): past and upcoming relative to BASE_DATE, plus some in 2030 so that the app
// always has upcoming events to show, whatever today's date is. registeredCount is computed
// from the registrations (every status except cancelled).
import type { EventStatus, RegistrationStatus } from '@learningpt/db';

export interface SeedEvent {
  slug: string;
  title: string;
  shortDescription: string;
  description: string;
  /** ISO instant (UTC). */
  startsAt: string;
  durationMinutes: number;
  timezone: string;
  isOnline: boolean;
  location?: string;
  venueAddress?: string;
  meetingUrl?: string;
  /** Shown, like the link, only to registrants, the organizer and admins. */
  meetingPassword?: string;
  capacity: number | null;
  price: number;
  category?: string;
  organizer: string;
  status: EventStatus;
  featured?: boolean;
  /** Days relative to BASE_DATE when the event was created. */
  createdDay: number;
}

export const EVENTS: readonly SeedEvent[] = [
  {
    slug: 'cloud-careers-panel',
    title: 'Cloud Careers Panel',
    shortDescription: 'Four cloud engineers on how they got their first cloud job.',
    description:
      'An evening panel with engineers from startups and enterprises on certifications, portfolios and interviews for cloud roles, followed by networking.',
    startsAt: '2025-11-20T18:00:00.000Z',
    durationMinutes: 120,
    timezone: 'Europe/London',
    isOnline: false,
    location: 'London',
    venueAddress: '1 Finsbury Avenue, London EC2M 2PF, United Kingdom',
    capacity: 60,
    price: 0,
    category: 'cloud',
    organizer: 'admin',
    status: 'completed',
    createdDay: -80,
  },
  {
    slug: 'prompt-engineering-workshop',
    title: 'Prompt Engineering Workshop',
    shortDescription: 'Hands-on techniques for getting reliable answers from AI models.',
    description:
      'Learn structured prompting, few-shot examples, output schemas and evaluation. Bring a laptop: every technique is practised live.',
    startsAt: '2025-12-10T17:00:00.000Z',
    durationMinutes: 90,
    timezone: 'UTC',
    isOnline: true,
    meetingUrl: 'https://meet.learningpt.dev/prompt-engineering-workshop',
    capacity: 100,
    price: 0,
    category: 'technology',
    organizer: 'marcus',
    status: 'completed',
    featured: false,
    createdDay: -60,
  },
  {
    slug: 'react-meetup-january',
    title: 'React Meetup: January Edition',
    shortDescription: 'Lightning talks on React 19, server components and testing.',
    description: 'Three lightning talks from the community followed by open Q&A with Jane Smith. Pizza provided.',
    startsAt: '2026-01-20T18:00:00.000Z',
    durationMinutes: 150,
    timezone: 'America/Toronto',
    isOnline: false,
    location: 'Toronto',
    venueAddress: '200 Wellington St W, Toronto, ON M5V 3C7, Canada',
    capacity: 50,
    price: 0,
    category: 'web-development',
    organizer: 'jane',
    status: 'upcoming',
    createdDay: -25,
  },
  {
    slug: 'kubernetes-office-hours',
    title: 'Kubernetes Office Hours',
    shortDescription: 'Bring your cluster questions.',
    description:
      'Open office hours on Kubernetes deployments, probes and autoscaling. Cancelled: the instructor is unavailable; a new date will follow.',
    startsAt: '2026-01-28T16:00:00.000Z',
    durationMinutes: 60,
    timezone: 'UTC',
    isOnline: true,
    meetingUrl: 'https://meet.learningpt.dev/kubernetes-office-hours',
    capacity: 200,
    price: 0,
    category: 'cloud',
    organizer: 'marcus',
    status: 'cancelled',
    createdDay: -15,
  },
  {
    slug: 'data-science-hackathon-2026',
    title: 'Data Science Hackathon 2026',
    shortDescription: 'One day, one dataset, teams of three.',
    description:
      'Work in teams on a real public-health dataset, present your findings to a jury of data scientists, and win mentorship sessions. Lunch and coffee included.',
    startsAt: '2026-02-14T09:00:00.000Z',
    durationMinutes: 480,
    timezone: 'Asia/Singapore',
    isOnline: false,
    location: 'Singapore',
    venueAddress: '1 Fusionopolis Way, Singapore 138632',
    capacity: 40,
    price: 4900,
    category: 'data-science',
    organizer: 'marcus',
    status: 'upcoming',
    featured: true,
    createdDay: -30,
  },
  {
    slug: 'live-qa-first-full-stack-app',
    title: 'Live Q&A: Building Your First Full-Stack App',
    shortDescription: 'Ask Jane anything about shipping your first full-stack project.',
    description:
      'A live online session for bootcamp students and anyone building their first full-stack application: architecture, authentication, deployment and debugging.',
    startsAt: '2030-01-15T17:00:00.000Z',
    durationMinutes: 60,
    timezone: 'UTC',
    isOnline: true,
    meetingUrl: 'https://meet.learningpt.dev/live-qa-full-stack',
    capacity: null,
    price: 0,
    category: 'web-development',
    organizer: 'jane',
    status: 'upcoming',
    featured: true,
    createdDay: -4,
  },
  {
    slug: 'ai-in-education-conference-2030',
    title: 'AI in Education Conference 2030',
    shortDescription: 'Two tracks on AI tutors, assessment and the future of learning.',
    description:
      'A full-day conference with talks from educators, researchers and product teams on AI tutors, fair assessment, accessibility and the evidence behind AI-assisted learning.',
    startsAt: '2030-03-12T08:30:00.000Z',
    durationMinutes: 540,
    timezone: 'Europe/Madrid',
    isOnline: false,
    location: 'Barcelona',
    venueAddress: 'Plaça de Willy Brandt 11-14, 08019 Barcelona, Spain',
    capacity: 500,
    price: 9900,
    category: 'technology',
    organizer: 'admin',
    status: 'upcoming',
    featured: true,
    createdDay: -10,
  },
  {
    slug: 'design-systems-masterclass',
    title: 'Design Systems Masterclass',
    shortDescription: 'Build and govern a design system that teams actually use.',
    description:
      'A small-group online masterclass on tokens, components, documentation and adoption, with critique of your own system.',
    startsAt: '2030-06-04T15:00:00.000Z',
    durationMinutes: 180,
    timezone: 'Europe/Madrid',
    isOnline: true,
    meetingUrl: 'https://meet.learningpt.dev/design-systems-masterclass',
    meetingPassword: 'tokens-2030',
    capacity: 30,
    price: 2900,
    category: 'design',
    organizer: 'sofia',
    status: 'upcoming',
    createdDay: -6,
  },
];

export interface SeedRegistration {
  user: string;
  event: string;
  status: RegistrationStatus;
  /** Days relative to BASE_DATE. */
  day: number;
  feedback?: { rating: 1 | 2 | 3 | 4 | 5; comment: string };
  /** Key of the order that paid for the ticket. */
  order?: string;
}

export const REGISTRATIONS: readonly SeedRegistration[] = [
  {
    user: 'amara',
    event: 'cloud-careers-panel',
    status: 'attended',
    day: -70,
    feedback: { rating: 5, comment: 'Exactly the advice I needed.' },
  },
  {
    user: 'john',
    event: 'cloud-careers-panel',
    status: 'attended',
    day: -66,
    feedback: { rating: 4, comment: 'Great panel, a bit short on Q&A time.' },
  },
  {
    user: 'john',
    event: 'prompt-engineering-workshop',
    status: 'attended',
    day: -50,
    feedback: { rating: 5, comment: 'Practical and well paced.' },
  },
  {
    user: 'alice',
    event: 'prompt-engineering-workshop',
    status: 'attended',
    day: -48,
    feedback: { rating: 4, comment: 'Useful examples.' },
  },
  { user: 'zoe', event: 'prompt-engineering-workshop', status: 'attended', day: -45 },
  { user: 'omar', event: 'prompt-engineering-workshop', status: 'no_show', day: -40 },
  { user: 'amara', event: 'prompt-engineering-workshop', status: 'cancelled', day: -39 },
  { user: 'alice', event: 'react-meetup-january', status: 'registered', day: -20 },
  { user: 'zoe', event: 'react-meetup-january', status: 'registered', day: -19 },
  { user: 'john', event: 'react-meetup-january', status: 'registered', day: -7 },
  { user: 'john', event: 'kubernetes-office-hours', status: 'cancelled', day: -12 },
  { user: 'mei', event: 'data-science-hackathon-2026', status: 'registered', day: -18, order: 'mei-hackathon' },
  { user: 'john', event: 'live-qa-first-full-stack-app', status: 'registered', day: -3 },
  { user: 'alice', event: 'live-qa-first-full-stack-app', status: 'registered', day: -3 },
  { user: 'omar', event: 'live-qa-first-full-stack-app', status: 'registered', day: -2 },
  { user: 'zoe', event: 'live-qa-first-full-stack-app', status: 'registered', day: -2 },
  { user: 'amara', event: 'live-qa-first-full-stack-app', status: 'registered', day: -1 },
  { user: 'mei', event: 'ai-in-education-conference-2030', status: 'registered', day: -2, order: 'mei-conference' },
];
