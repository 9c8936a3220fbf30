import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" description="There is no admin page at this address." />
      <Link to="/" className="btn-primary">
        Back to the dashboard
      </Link>
    </>
  );
}
