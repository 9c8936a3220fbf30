import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@learningpt/schema';
import { CheckIcon } from '@learningpt/ui';

/**
 * The server's password rules, checked as the person types. Commonness is the server's call
 * (its list is not shipped to browsers): it answers with a message, shown under the field.
 */
export function PasswordRules({ password }: { password: string }) {
  const length = password.length;
  const rules = [
    { ok: length >= PASSWORD_MIN_LENGTH, text: `At least ${PASSWORD_MIN_LENGTH} characters` },
    ...(length > PASSWORD_MAX_LENGTH ? [{ ok: false, text: `At most ${PASSWORD_MAX_LENGTH} characters` }] : []),
  ];
  return (
    <ul className="space-y-1" aria-label="Password rules">
      {rules.map((rule) => (
        <li key={rule.text} className={`flex items-center gap-1.5 ${rule.ok ? 'text-emerald-700' : 'text-slate-500'}`}>
          <CheckIcon className={`size-4 ${rule.ok ? 'opacity-100' : 'opacity-30'}`} />
          <span>
            {rule.text}
            <span className="sr-only">{rule.ok ? ' (met)' : ' (not met yet)'}</span>
          </span>
        </li>
      ))}
      <li className="flex items-center gap-1.5 text-slate-500">
        <CheckIcon className="size-4 opacity-30" />
        Not a commonly used password (checked when you submit)
      </li>
    </ul>
  );
}
