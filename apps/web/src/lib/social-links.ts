import { SOCIAL_LINK_KEYS } from '@learningpt/schema';

export type SocialLinkKey = (typeof SOCIAL_LINK_KEYS)[number];

export const SOCIAL_LINK_LABELS: Record<SocialLinkKey, string> = {
  website: 'Website',
  twitter: 'X (Twitter)',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  youtube: 'YouTube',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

export function isSocialLinkKey(key: string): key is SocialLinkKey {
  return (SOCIAL_LINK_KEYS as readonly string[]).includes(key);
}
