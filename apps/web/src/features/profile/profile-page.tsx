import { ErrorState, Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Avatar } from '../../components/avatar';
import { formatDay } from '../../lib/format';
import { ChangePasswordForm } from './change-password-form';
import { DeleteAccountCard } from './delete-account-card';
import { AvatarUpload } from './avatar-upload';
import { ExportDataCard } from './export-data-card';
import { ProfileForm } from './profile-form';
import { SectionCard } from './section-card';
import { SessionsCard } from './sessions-card';

const ROLE_LABELS = { student: 'Student', instructor: 'Instructor', admin: 'Administrator' } as const;

export function ProfilePage() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.users.profile.queryOptions());

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <title>Your profile · LearninGPT</title>
      {profile.isPending ? (
        <ProfileSkeleton />
      ) : profile.isError ? (
        <ErrorState
          title="We couldn't load your profile"
          error={profile.error}
          onRetry={() => void profile.refetch()}
        />
      ) : (
        <div className="space-y-8">
          <header className="flex items-center gap-4">
            <Avatar name={profile.data.user.name} src={profile.data.user.avatar} className="size-16 text-xl" />
            <div className="min-w-0">
              <h1 className="truncate text-2xl font-bold tracking-tight text-slate-900">{profile.data.user.name}</h1>
              <p className="truncate text-sm text-slate-600">
                {profile.data.user.email} · {ROLE_LABELS[profile.data.user.role]} · member since{' '}
                {formatDay(profile.data.user.createdAt)}
              </p>
              <div className="mt-3">
                <AvatarUpload hasAvatar={Boolean(profile.data.user.avatar)} />
              </div>
            </div>
          </header>

          <SectionCard id="profile" title="Profile" description="How you appear to instructors and other learners.">
            {/* Starts from the saved profile; a background refetch does not overwrite what is being typed. */}
            <ProfileForm user={profile.data.user} />
          </SectionCard>
          <SectionCard id="password" title="Password" description="Changing it signs out your other sessions.">
            <ChangePasswordForm />
          </SectionCard>
          <SectionCard id="sessions" title="Sessions" description="Browsers and devices signed in to your account.">
            <SessionsCard />
          </SectionCard>
          <SectionCard id="export" title="Your data" description="Download everything we hold about you, as JSON.">
            <ExportDataCard />
          </SectionCard>
          <SectionCard
            id="delete"
            title="Delete account"
            danger
            description="Permanently delete your account and personal data. This cannot be undone after the grace period."
          >
            <DeleteAccountCard />
          </SectionCard>
        </div>
      )}
    </div>
  );
}

function ProfileSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading your profile" className="space-y-8">
      <div className="flex items-center gap-4">
        <Skeleton className="size-16 rounded-full" />
        <div className="flex-1 space-y-2">
          <Skeleton className="h-7 w-1/2" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      </div>
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-48 w-full rounded-2xl" />
      ))}
    </div>
  );
}
