import { Link } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useAsync } from '../hooks.ts';
import type { AgencyDetail } from '../types.ts';

function FetchedName({ id }: { id: string }) {
  const { data } = useAsync(
    (signal) => api.get<AgencyDetail>(`/api/agencies/${seg(id)}`, undefined, signal),
    id,
  );
  return <>{data?.name ?? '查看执法主体'}</>;
}

/** Link to an agency; looks its name up when the answer at hand does not carry it. */
export function AgencyLink({ id, name }: { id: string; name?: string | null }) {
  return <Link to={`/agencies/${seg(id)}`}>{name || <FetchedName id={id} />}</Link>;
}
