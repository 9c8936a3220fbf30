import {
  ACCEPTED_IMAGE_INPUT,
  errorMessage,
  FormAlert,
  UploadError,
  uploadImage,
  useTRPC,
  useTRPCClient,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** Sends the picture to the server's upload route; the server decides its type from the bytes. */
async function uploadAvatar(file: File): Promise<void> {
  await uploadImage('/api/users/avatar', 'avatar', file);
}

export function AvatarUpload({ hasAvatar }: { hasAvatar: boolean }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.users.profile.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
    ]);
  const upload = useMutation({ mutationFn: uploadAvatar, onSuccess: refresh });
  const remove = useMutation({
    mutationFn: () => client.users.updateProfile.mutate({ avatarUrl: null }),
    onSuccess: refresh,
  });
  const busy = upload.isPending || remove.isPending;
  const error = upload.error ?? remove.error;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className={`btn-secondary cursor-pointer ${busy ? 'pointer-events-none opacity-60' : ''}`}>
          {upload.isPending ? 'Uploading…' : hasAvatar ? 'Change picture' : 'Upload a picture'}
          <input
            type="file"
            accept={ACCEPTED_IMAGE_INPUT}
            className="sr-only"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
              // Choosing the same file again should upload again.
              e.target.value = '';
            }}
          />
        </label>
        {hasAvatar && (
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => remove.mutate()}>
            {remove.isPending ? 'Removing…' : 'Remove'}
          </button>
        )}
      </div>
      <p className="text-xs text-slate-500">PNG, JPEG, WebP or GIF, up to 2 MB.</p>
      <div aria-live="polite">
        {upload.isSuccess && !busy && <FormAlert tone="success">Your picture has been updated.</FormAlert>}
        {error && (
          <FormAlert tone="error">{error instanceof UploadError ? error.message : errorMessage(error)}</FormAlert>
        )}
      </div>
    </div>
  );
}
