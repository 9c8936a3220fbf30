import { NotFound } from '../program/program-not-found';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · LearninGPT</title>
      <NotFound title="Page not found" message="We couldn't find the page you were looking for." />
    </>
  );
}
