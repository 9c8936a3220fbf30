import { Skeleton } from '@learningpt/ui';
import { lazy, Suspense, type ComponentProps } from 'react';

// TipTap and ProseMirror are large and only instructors need them: load them with the editor,
// not with the app every visitor downloads.
const RichTextEditor = lazy(() => import('./rich-text-editor').then((m) => ({ default: m.RichTextEditor })));

/** The rich-text editor, with a placeholder of its size while its code loads. */
export function RichTextField(props: ComponentProps<typeof RichTextEditor>) {
  return (
    <Suspense
      fallback={
        <div role="status" aria-label={`Loading the ${props.label.toLowerCase()} editor`}>
          <span className="field-label">{props.label}</span>
          <Skeleton className="h-52 w-full rounded-lg" />
        </div>
      }
    >
      <RichTextEditor {...props} />
    </Suspense>
  );
}
