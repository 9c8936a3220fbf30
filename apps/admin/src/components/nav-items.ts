import {
  BookIcon,
  CalendarIcon,
  ChartIcon,
  CheckIcon,
  DocumentIcon,
  HomeIcon,
  InboxIcon,
  ReceiptIcon,
  StarIcon,
  TagIcon,
  UsersIcon,
} from '@learningpt/ui';
import type { ComponentType, SVGProps } from 'react';

export interface NavItem {
  path: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** What the section will manage; shown on its placeholder until it is built. */
  summary: string;
  /** A count shown beside the label (work waiting), fetched by the layout. */
  badge?: 'pendingApplications' | 'pendingTestimonials';
}

/** The sidebar, in order; routes for sections not built yet render a "coming soon" page. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'Dashboard', icon: HomeIcon, summary: 'An overview of the platform.' },
  {
    path: '/analytics',
    label: 'Analytics',
    icon: ChartIcon,
    summary: 'Revenue, users, programs and events over a date range; CSV exports.',
  },
  { path: '/users', label: 'Users', icon: UsersIcon, summary: 'Find accounts, change roles, ban and unban users.' },
  { path: '/programs', label: 'Programs', icon: BookIcon, summary: 'Review, publish and feature programs.' },
  {
    path: '/categories',
    label: 'Categories',
    icon: TagIcon,
    summary: 'Organise programs into categories and sub-categories.',
  },
  {
    path: '/applications',
    label: 'Applications',
    icon: InboxIcon,
    summary: 'Approve or reject instructor applications.',
    badge: 'pendingApplications',
  },
  {
    path: '/orders',
    label: 'Orders',
    icon: ReceiptIcon,
    summary: 'Look up orders, change their status and issue refunds.',
  },
  { path: '/events', label: 'Events', icon: CalendarIcon, summary: 'Create and manage webinars and live events.' },
  { path: '/blog', label: 'Blog', icon: DocumentIcon, summary: 'Blog posts in every status.' },
  {
    path: '/testimonials',
    label: 'Testimonials',
    icon: StarIcon,
    summary: 'Approve or reject testimonials, feature the best ones.',
    badge: 'pendingTestimonials',
  },
  { path: '/faqs', label: 'FAQs', icon: CheckIcon, summary: 'Questions and answers by category, in order.' },
];
