import { SOCIAL_LINK_KEYS, ZUpdateProfileInput, type UpdateProfileInput, type UserProfile } from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  refreshSession,
  serverFieldErrors,
  TextAreaField,
  TextField,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SOCIAL_LINK_LABELS, type SocialLinkKey } from '../../lib/social-links';

const THEMES = ['system', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

interface Values {
  name: string;
  bio: string;
  links: Record<SocialLinkKey, string>;
  emailNotifications: boolean;
  theme: Theme;
  language: string;
}

function valuesFrom(user: UserProfile): Values {
  const prefs = user.preferences;
  return {
    name: user.name,
    bio: user.bio ?? '',
    links: Object.fromEntries(SOCIAL_LINK_KEYS.map((k) => [k, user.socialLinks[k] ?? ''])) as Record<
      SocialLinkKey,
      string
    >,
    emailNotifications: prefs.emailNotifications !== false,
    theme: THEMES.includes(prefs.theme as Theme) ? (prefs.theme as Theme) : 'system',
    language: typeof prefs.language === 'string' ? prefs.language : '',
  };
}

/** What to send: cleared fields become null (removed), untouched empty links are left out. */
function toInput(values: Values, user: UserProfile): UpdateProfileInput {
  const socialLinks: Record<string, string | null> = {};
  for (const key of SOCIAL_LINK_KEYS) {
    const v = values.links[key].trim();
    if (v) socialLinks[key] = v;
    else if (user.socialLinks[key]) socialLinks[key] = null;
  }
  const language = values.language.trim();
  return {
    name: values.name,
    bio: values.bio.trim() ? values.bio : null,
    socialLinks,
    preferences: {
      emailNotifications: values.emailNotifications,
      theme: values.theme,
      ...(language ? { language } : {}),
    },
  };
}

export function ProfileForm({ user }: { user: UserProfile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesFrom(user));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.users.updateProfile.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.users.profile.queryKey(), data);
        setValues(valuesFrom(data.user));
        // The header shows the name and picture from the session.
        void refreshSession(queryClient);
      },
      onError: (err) => setErrors(serverFieldErrors(err)),
    }),
  );

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (save.isSuccess) save.reset();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const result = validate(ZUpdateProfileInput, toInput(values, user));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    save.mutate(toInput(values, user));
  }

  const busy = save.isPending;
  const formError = save.isError && Object.keys(serverFieldErrors(save.error)).length === 0;
  return (
    <form onSubmit={submit} noValidate aria-busy={busy} className="space-y-8">
      <fieldset disabled={busy} className="space-y-5">
        <legend className="sr-only">About you</legend>
        <TextField
          label="Name"
          autoComplete="name"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
          required
        />
        <TextAreaField
          label="Bio"
          rows={4}
          maxLength={2000}
          value={values.bio}
          onChange={(e) => set('bio', e.target.value)}
          error={errors.bio}
          hint={`${values.bio.length}/2000`}
        />
      </fieldset>

      <fieldset disabled={busy}>
        <legend className="text-sm font-semibold text-slate-900">Social links</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          {SOCIAL_LINK_KEYS.map((key) => (
            <TextField
              key={key}
              label={SOCIAL_LINK_LABELS[key]}
              type="url"
              inputMode="url"
              placeholder="https://…"
              value={values.links[key]}
              onChange={(e) => set('links', { ...values.links, [key]: e.target.value })}
              error={errors[`socialLinks.${key}`]}
            />
          ))}
        </div>
      </fieldset>

      <fieldset disabled={busy}>
        <legend className="text-sm font-semibold text-slate-900">Preferences</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="pref-theme" className="field-label">
              Theme
            </label>
            <select
              id="pref-theme"
              className="field-input"
              value={values.theme}
              onChange={(e) => set('theme', e.target.value as Theme)}
            >
              <option value="system">Same as my device</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <TextField
            label="Language"
            placeholder="en or en-GB"
            value={values.language}
            onChange={(e) => set('language', e.target.value)}
            error={errors['preferences.language']}
          />
          <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 text-indigo-600"
              checked={values.emailNotifications}
              onChange={(e) => set('emailNotifications', e.target.checked)}
            />
            Email me about my programs, certificates and account
          </label>
        </div>
      </fieldset>

      <div aria-live="polite">
        {save.isSuccess && <FormAlert tone="success">Your profile has been saved.</FormAlert>}
        {formError && <FormAlert tone="error">{errorMessage(save.error)}</FormAlert>}
        {Object.keys(errors).length > 0 && !formError && (
          <FormAlert tone="error">Some fields need your attention.</FormAlert>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
