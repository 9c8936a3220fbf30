import { Dialog, errorMessage, FormAlert } from '@learningpt/ui';
import type { ReactNode } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  danger?: boolean;
}

/** "Are you sure?" before a change that cannot be taken back; the server's refusal shows inside. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  error,
  onConfirm,
  onClose,
  danger = true,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose} busy={busy}>
      <div className="space-y-4 text-sm text-slate-600">
        {children}
        {error != null && <FormAlert tone="error">{errorMessage(error)}</FormAlert>}
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'btn-primary bg-red-600 hover:bg-red-500 focus-visible:outline-red-600' : 'btn-primary'}
            onClick={onConfirm}
            disabled={busy}
          >
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
